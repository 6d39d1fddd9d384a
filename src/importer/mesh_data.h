// Readers of 3D mesh files into points and polygon faces (counter-clockwise
// seen from outside for STL and OFF as written by most tools): STL (ascii
// and binary), OFF, OBJ (v and f lines only). Counts in headers are never
// trusted beyond what the file size can hold; a malformed file gives an
// error text (and whatever was read before the fault is dropped).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mos::importer {

struct MeshData {
  std::vector<std::array<double, 3>> points;
  std::vector<std::vector<int>> faces;
};

// Each returns false with `error` set on a malformed file (2021.01's
// wording for ascii STL: "STL line N, ..."; ours otherwise). An empty STL
// file returns false with an empty error (2021.01 imports nothing, silently).
bool ReadStl(std::string_view bytes, MeshData& out, std::string& error);
bool ReadOff(std::string_view text, MeshData& out, std::string& error);
bool ReadObj(std::string_view text, MeshData& out, std::string& error);

// AMF (plain or zipped XML) and 3MF (a ZIP of XML), as 2021.01 reads them:
// every <object>'s mesh becomes one MeshData (all volumes of an object share
// its vertices); units, colours, materials and 3MF build transforms are
// ignored, as 2021.01 ignores them. False with `error` set on malformed
// files (broken XML or ZIP, a coordinate that is not a finite number, a
// vertex index out of range); nothing is returned then.
bool ReadAmf(std::string_view bytes, std::vector<MeshData>& objects, std::string& error);
bool Read3mf(std::string_view bytes, std::vector<MeshData>& objects, std::string& error);

}  // namespace mos::importer

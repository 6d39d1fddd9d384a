// import() of .nef3 files: CGAL's Nef_polyhedron_3 text format
// ("Selective Nef Complex", as CGAL's SNC_io_parser writes it and 2021.01
// reads it through CGAL). Read here without CGAL: only what the boundary of
// the solid needs: vertex points, halfedge -> vertex, the facet cycles (via
// the shalfedges' next links), facet planes and volume marks. Each facet
// that separates a marked (inside) from an unmarked volume is kept once,
// oriented away from the inside.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mos::importer {

struct Nef3Data {
  std::vector<std::array<double, 3>> points;
  // One entry per boundary facet: its outer cycle and holes, each a list of
  // point indices; normal: the facet plane's, pointing out of the solid.
  struct Facet {
    std::vector<std::vector<int>> cycles;
    std::array<double, 3> normal{};
  };
  std::vector<Facet> facets;
};

// False with `error` set when the text is not a Nef complex this reader
// understands (counts are bounded by the text's size).
bool ReadNef3(std::string_view text, Nef3Data& out, std::string& error);

}  // namespace mos::importer

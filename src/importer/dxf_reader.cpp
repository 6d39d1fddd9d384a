// The DXF group reader and entity state machine (see dxf_data.h). Quirks of
// 2021.01 kept on purpose, each checked with openscad 2021.01:
// - an entity is finished by the next group 0; the last one before the end
//   of the text (no group 0 after it) is dropped;
// - ENDSEC does not leave a section: only "2 <name>" after SECTION switches,
//   so entities after the BLOCKS or ENTITIES section still count;
// - a value that is not a number warns and is skipped; an entity left
//   without enough values warns "Not enough input values for <the next
//   entity's name>" and stays the current entity with its values (2021.01
//   skips the reset there), so the next group 0 tries it again;
// - a group code that is not a number ends the reading ("Illegal ID");
// - unsupported entities are counted per name while in BLOCKS/ENTITIES and
//   reported at the end in the order of a std::unordered_map (native
//   libstdc++ builds print them in 2021.01's order).
#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <unordered_map>

#include "importer/dxf_data.h"
#include "importer/dxf_lines.h"

namespace mos::importer {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n' || s[b] == '\f' ||
                   s[b] == '\v'))
    ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                   s[e - 1] == '\n' || s[e - 1] == '\f' || s[e - 1] == '\v'))
    --e;
  return s.substr(b, e - b);
}

bool ParseDouble(std::string_view s, double& out) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (c == 'x' || c == 'X' || c == ' ' || c == '\t') return false;
  std::string text(s);
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return false;
  out = v;
  return true;
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 12) return false;
  size_t i = 0;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return false;
  long long v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  if (neg) v = -v;
  if (v < -2147483648LL || v > 2147483647LL) return false;
  out = static_cast<int>(v);
  return true;
}

// The values of the entity being read.
struct EntityState {
  std::string layer;
  std::vector<double> xs, ys;  // groups 10/11 and 20/21 in order
  std::array<std::array<double, 2>, 7> coords{};
  double r40 = 0, v41 = 0, v42 = 0, a50 = 0, a51 = 0;
  bool has41 = false, has42 = false;
  int flags70 = 0;
  std::string text1, name2;
};

class Reader {
 public:
  Reader(const DxfOptions& options, std::vector<std::string>& warnings)
      : options_(options), warnings_(warnings), lines_(options.maxSegments) {}

  DxfData Run(std::string_view text) {
    size_t pos = 0;
    std::string mode;
    while (pos < text.size()) {
      std::string_view codeLine = NextLine(text, pos);
      if (pos >= text.size() && Trim(codeLine).empty()) break;
      std::string_view dataLine = NextLine(text, pos);
      std::string_view codeText = Trim(codeLine), data = Trim(dataLine);
      int code;
      if (!ParseInt(codeText, code)) {
        // 2021.01 stops reading there (what was finished so far stays).
        warnings_.push_back("Illegal ID '" + std::string(codeText) + "' in `" +
                            options_.fullPath + "'");
        break;
      }
      if (code == 0) {
        if (Finish(mode, data)) mode = std::string(data);
        continue;
      }
      Group(mode, code, data);
    }
    ReportUnsupported();
    if (Full())
      warnings_.push_back("DXF file \"" + options_.displayName + "\" has more than " +
                          std::to_string(options_.maxSegments) +
                          " line segments; the rest is left out.");
    DxfData out;
    lines_.AssemblePaths(out);
    out.dims = std::move(dims_);
    return out;
  }

 private:
  static std::string_view NextLine(std::string_view text, size_t& pos) {
    if (pos >= text.size()) return {};  // a code line without its value line
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    return line;
  }

  bool Number(std::string_view data, double& out) {
    if (ParseDouble(data, out)) return true;
    warnings_.push_back("Illegal value '" + std::string(data) + "'in `" + options_.fullPath + "'");
    return false;
  }

  void Group(const std::string& mode, int code, std::string_view data) {
    double v;
    switch (code) {
      case 1: e_.text1 = std::string(data); break;
      case 2:
        if (mode == "SECTION") {
          inBlocks_ = data == "BLOCKS";
          inEntities_ = data == "ENTITIES";
        } else if (mode == "BLOCK") {
          currentBlock_ = std::string(data);
        } else {
          e_.name2 = std::string(data);
        }
        break;
      case 8: e_.layer = std::string(data); break;
      case 10: case 11: case 12: case 13: case 14: case 15: case 16:
        if (!Number(data, v)) break;
        e_.coords[code - 10][0] = v;
        if (code <= 11) e_.xs.push_back(v);
        break;
      case 20: case 21: case 22: case 23: case 24: case 25: case 26:
        if (!Number(data, v)) break;
        e_.coords[code - 20][1] = v;
        if (code <= 21) e_.ys.push_back(v);
        break;
      case 40: if (Number(data, v)) e_.r40 = v; break;
      case 41: if (Number(data, v)) { e_.v41 = v; e_.has41 = true; } break;
      case 42: if (Number(data, v)) { e_.v42 = v; e_.has42 = true; } break;
      case 50: if (Number(data, v)) e_.a50 = v; break;
      case 51: if (Number(data, v)) e_.a51 = v; break;
      case 70: {
        int f;
        if (ParseInt(data, f)) e_.flags70 = f;
        else warnings_.push_back("Illegal value '" + std::string(data) + "'in `" + options_.fullPath + "'");
        break;
      }
      default: break;
    }
  }

  bool LayerMatches() const { return options_.layer.empty() || options_.layer == e_.layer; }

  // A line in drawing coordinates: into the current block while in BLOCKS,
  // into the drawing (origin and scale applied) while in ENTITIES.
  // `drawing`: the coordinates are in the file's units (origin and scale
  // still to apply), else already transformed (ellipses).
  void AddLine(double x1, double y1, double x2, double y2, bool drawing = true) {
    if (inEntities_) {
      if (!LayerMatches()) return;
      if (drawing)
        lines_.Add(Transform(x1, 0), Transform(y1, 1), Transform(x2, 0), Transform(y2, 1));
      else
        lines_.Add(x1, y1, x2, y2);
    } else if (inBlocks_ && !currentBlock_.empty()) {
      if (blockLines_ >= options_.maxSegments) return;
      blocks_[currentBlock_].push_back({x1, y1, x2, y2});
      ++blockLines_;
    }
  }
  double Transform(double v, int axis) const {
    return (v - (axis == 0 ? options_.originX : options_.originY)) * options_.scale;
  }

  // 2021.01 takes the fragment count of a scaled curve from its scaled radius.
  double ScaledRadius(double r) const { return r * options_.scale; }

  bool Full() const { return lines_.Full() || blockLines_ >= options_.maxSegments; }

  int Fragments(double r) const { return options_.fragments ? options_.fragments(r) : 36; }

  // Segment count for `fraction` of a circle; bounded by the segment budget.
  long long ArcSegments(double r, double fraction) const {
    double n = std::ceil(static_cast<double>(Fragments(r)) * fraction);
    if (!(n >= 0)) return 0;
    return n > static_cast<double>(options_.maxSegments) ? options_.maxSegments
                                                         : static_cast<long long>(n);
  }

  // Draws the entity `mode` that group 0 `next` ends. False when it lacks
  // values: 2021.01 then warns naming `next`, and keeps both the entity
  // type and its values, so the next group 0 tries the same entity again.
  bool Finish(const std::string& mode, std::string_view next) {
    if (mode.empty()) return true;
    bool ok = true;
    if (mode == "LINE") {
      if (e_.xs.size() < 2 || e_.ys.size() < 2) ok = false;
      else AddLine(e_.xs[0], e_.ys[0], e_.xs[1], e_.ys[1]);
    } else if (mode == "LWPOLYLINE") {
      size_t n = std::min(e_.xs.size(), e_.ys.size());
      for (size_t i = 1; i < n; ++i) AddLine(e_.xs[i - 1], e_.ys[i - 1], e_.xs[i], e_.ys[i]);
      if ((e_.flags70 & 1) && n > 0) AddLine(e_.xs[n - 1], e_.ys[n - 1], e_.xs[0], e_.ys[0]);
    } else if (mode == "CIRCLE") {
      if (e_.xs.empty() || e_.ys.empty()) ok = false;
      else Circle();
    } else if (mode == "ARC") {
      if (e_.xs.empty() || e_.ys.empty()) ok = false;
      else Arc();
    } else if (mode == "ELLIPSE") {
      if (e_.xs.size() < 2 || e_.ys.size() < 2) ok = false;
      else Ellipse();
    } else if (mode == "INSERT") {
      if (e_.xs.empty() || e_.ys.empty()) ok = false;
      else Insert();
    } else if (mode == "DIMENSION") {
      if ((inEntities_ || inBlocks_) && LayerMatches()) {
        DxfDimension d;
        d.type = e_.flags70;
        d.name = e_.text1;
        for (int i = 0; i < 7; ++i)
          d.coords[i] = {Transform(e_.coords[i][0], 0), Transform(e_.coords[i][1], 1)};
        d.angle = e_.a50;
        dims_.push_back(std::move(d));
      }
    } else if (mode == "BLOCK" || mode == "ENDBLK" || mode == "SECTION" || mode == "ENDSEC" ||
               mode == "EOF") {
      // structure, nothing to draw
    } else if ((inBlocks_ || inEntities_) && LayerMatches()) {
      if (unsupported_.size() < 4096 || unsupported_.count(mode)) ++unsupported_[mode];
    }
    if (!ok) {
      warnings_.push_back("Not enough input values for " + std::string(next) + ". in '" +
                          options_.fullPath + "'");
      return false;
    }
    e_ = EntityState();
    return true;
  }

  void Circle() {
    const double cx = e_.xs[0], cy = e_.ys[0], r = e_.r40;
    if (!std::isfinite(cx) || !std::isfinite(cy) || !std::isfinite(r)) return;
    long long n = ArcSegments(ScaledRadius(r), 1.0);
    for (long long i = 0; i < n && !Full(); ++i) {
      double a1 = 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
      double a2 = 2 * kPi * static_cast<double>(i + 1) / static_cast<double>(n);
      AddLine(std::cos(a1) * r + cx, std::sin(a1) * r + cy, std::cos(a2) * r + cx,
              std::sin(a2) * r + cy);
    }
  }

  void Arc() {
    const double cx = e_.xs[0], cy = e_.ys[0], r = e_.r40;
    if (!std::isfinite(cx) || !std::isfinite(cy) || !std::isfinite(r)) return;
    double start = e_.a50, stop = e_.a51;
    if (!std::isfinite(start) || !std::isfinite(stop)) return;
    if (start > stop) stop += 360.0 * std::ceil((start - stop) / 360.0);
    if (start > stop) stop = start;  // beyond double precision
    const double sweep = stop - start;
    long long n = ArcSegments(ScaledRadius(r), sweep / 360.0);
    for (long long i = 0; i < n && !Full(); ++i) {
      double a1 = (start + sweep * static_cast<double>(i) / static_cast<double>(n)) * kPi / 180.0;
      double a2 =
          (start + sweep * static_cast<double>(i + 1) / static_cast<double>(n)) * kPi / 180.0;
      AddLine(std::cos(a1) * r + cx, std::sin(a1) * r + cy, std::cos(a2) * r + cx,
              std::sin(a2) * r + cy);
    }
  }

  // Group 11/21 is the major axis end relative to the centre, 40 the ratio
  // of the minor axis, 41/42 the start and end parameters in radians.
  // 2021.01 applies origin and scale to the axis vector as to a point and
  // scales the ratio too (an ellipse imported with scale=2 has 8 times the
  // area, with an origin a turned axis): kept, it is what its users got.
  void Ellipse() {
    const double s = options_.scale;
    const double cx = Transform(e_.xs[0], 0), cy = Transform(e_.ys[0], 1);
    const double mx = Transform(e_.xs[1], 0), my = Transform(e_.ys[1], 1);
    const double ratio = e_.r40 * s;
    for (double v : {cx, cy, mx, my, ratio})
      if (!std::isfinite(v)) return;
    double start = e_.v41, stop = e_.has42 ? e_.v42 : 2 * kPi;
    if (!std::isfinite(start) || !std::isfinite(stop)) return;
    if (start > stop) stop += 2 * kPi * std::ceil((start - stop) / (2 * kPi));
    if (start > stop) stop = start;  // beyond double precision
    const double major = std::sqrt(mx * mx + my * my), minor = major * ratio;
    const double rot = std::atan2(my, mx), cr = std::cos(rot), sr = std::sin(rot);
    const double sweep = stop - start;
    long long n = ArcSegments(major, sweep / (2 * kPi));
    auto point = [&](double a, double& x, double& y) {
      double ex = major * std::cos(a), ey = minor * std::sin(a);
      x = ex * cr - ey * sr + cx;
      y = ex * sr + ey * cr + cy;
    };
    for (long long i = 0; i < n && !Full(); ++i) {
      double x1, y1, x2, y2;
      point(start + sweep * static_cast<double>(i) / static_cast<double>(n), x1, y1);
      point(start + sweep * static_cast<double>(i + 1) / static_cast<double>(n), x2, y2);
      AddLine(x1, y1, x2, y2, false);
    }
  }

  // INSERT: the block's lines scaled (41/42), rotated (50, degrees) and
  // moved to the insertion point.
  void Insert() {
    auto it = blocks_.find(e_.name2);
    if (it == blocks_.end()) return;
    const double sx = e_.has41 ? e_.v41 : 1, sy = e_.has42 ? e_.v42 : 1;
    const double a = e_.a50 * kPi / 180.0, c = std::cos(a), s = std::sin(a);
    const double ix = e_.xs[0], iy = e_.ys[0];
    const auto block = it->second;  // AddLine may add to blocks_ (never this one while in ENTITIES)
    for (const auto& l : block) {
      if (Full()) break;
      double x1 = l[0] * sx, y1 = l[1] * sy, x2 = l[2] * sx, y2 = l[3] * sy;
      AddLine(x1 * c - y1 * s + ix, x1 * s + y1 * c + iy, x2 * c - y2 * s + ix,
              x2 * s + y2 * c + iy);
    }
  }

  void ReportUnsupported() {
    for (const auto& [name, count] : unsupported_) {
      char hex[32];
      std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(count));
      if (options_.layer.empty())
        warnings_.push_back("Unsupported DXF Entity '" + name + "' (" + hex + ") in \"" +
                            options_.displayName + "\".");
      else
        warnings_.push_back("Unsupported DXF Entity '" + name + "' (" + hex + ") in layer '" +
                            options_.layer + "' of " + options_.displayName);  // sic: unquoted
    }
  }

  const DxfOptions& options_;
  std::vector<std::string>& warnings_;
  DxfLines lines_;
  EntityState e_;
  bool inBlocks_ = false, inEntities_ = false;
  std::string currentBlock_;
  long long blockLines_ = 0;
  std::map<std::string, std::vector<std::array<double, 4>>> blocks_;
  std::unordered_map<std::string, int> unsupported_;
  std::vector<DxfDimension> dims_;
};

}  // namespace

DxfData ParseDxf(std::string_view text, const DxfOptions& options,
                 std::vector<std::string>& warnings) {
  Reader reader(options, warnings);
  return reader.Run(text);
}

bool ReadTextFile(const std::string& path, std::string& out, long long maxBytes) {
  out.clear();
  struct stat st {};
  if (path.empty() || stat(path.c_str(), &st) != 0) return false;
  // 2021.01 opens a directory and reads one empty line pair from it (its
  // DXF reader then says "Illegal ID ''"); two empty lines do the same here.
  if (S_ISDIR(st.st_mode)) {
    out = "\n\n";
    return true;
  }
  if (!S_ISREG(st.st_mode)) return false;  // devices, pipes: no size to trust
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  long long size = static_cast<long long>(st.st_size);
  if (size > maxBytes) size = maxBytes;
  out.assign(static_cast<size_t>(size), '\0');
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<size_t>(in.gcount()));
  return true;
}

}  // namespace mos::importer

// The SVG document walk: page size and viewBox, groups and transforms,
// shapes to subpaths, fill or stroke (see svg_data.h for 2021.01's rules).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "importer/svg_data.h"
#include "importer/svg_path.h"
#include "importer/svg_stroke.h"
#include "importer/svg_transform.h"
#include "importer/xml_document.h"

namespace mos::importer {
namespace {

// As the DXF reader: coordinates the kernel's grid arithmetic can hold.
constexpr double kMaxCoordinate = 1e15;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The leading number of a length ("12.5px" -> 12.5); `rest` gets the unit.
double LeadingNumber(std::string_view s, std::string_view* rest = nullptr) {
  s = Trim(s);
  std::string t(s.substr(0, std::min<size_t>(s.size(), 64)));
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str()) v = 0;
  if (rest) *rest = Trim(s.substr(static_cast<size_t>(end - t.c_str())));
  return std::isfinite(v) ? v : 0;
}

// A shape attribute as 2021.01 reads it: the whole text one number, no
// unit, no surrounding space ("10mm" and " 3 " count as 0).
double StrictNumber(std::string_view s) {
  if (s.empty() || s.size() > 64 || std::isspace(static_cast<unsigned char>(s[0]))) return 0;
  std::string t(s);
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !std::isfinite(v)) return 0;
  return v;
}

// A points="..." list as 2021.01 reads it: numbers separated by spaces or
// commas, taken in pairs; a pair with a malformed number (or a lone last
// number) is dropped.
std::vector<std::array<double, 2>> PointList(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (std::isspace(static_cast<unsigned char>(s[pos])) || s[pos] == ',')) ++pos;
    const size_t start = pos;
    while (pos < s.size() && !std::isspace(static_cast<unsigned char>(s[pos])) && s[pos] != ',') ++pos;
    if (pos > start) tokens.push_back(s.substr(start, pos - start));
  }
  std::vector<std::array<double, 2>> out;
  auto valid = [](std::string_view t) {
    std::string u(t.substr(0, 64));
    char* end = nullptr;
    const double v = std::strtod(u.c_str(), &end);
    return t.size() <= 64 && end == u.c_str() + u.size() && std::isfinite(v);
  };
  for (size_t i = 0; i + 1 < tokens.size(); i += 2)
    if (valid(tokens[i]) && valid(tokens[i + 1]))
      out.push_back({StrictNumber(tokens[i]), StrictNumber(tokens[i + 1])});
  return out;
}

// A property from the style attribute (which wins) or the attribute.
std::string_view Property(const XmlNode& node, std::string_view name) {
  std::string_view style = XmlAttribute(node, "style");
  size_t pos = 0;
  std::string_view found;
  bool have = false;
  while (pos <= style.size()) {
    size_t semi = style.find(';', pos);
    if (semi == std::string_view::npos) semi = style.size();
    std::string_view decl = style.substr(pos, semi - pos);
    size_t colon = decl.find(':');
    if (colon != std::string_view::npos && Trim(decl.substr(0, colon)) == name) {
      found = Trim(decl.substr(colon + 1));
      have = true;
    }
    pos = semi + 1;
  }
  if (have) return found;
  return Trim(XmlAttribute(node, name));
}

// A page length in millimetres (px and unitless at `dpi`).
double LengthMm(std::string_view text, double dpi, bool* given) {
  bool found = !Trim(text).empty();
  if (given) *given = found;
  std::string_view unit;
  const double v = LeadingNumber(text, &unit);
  if (unit == "mm") return v;
  if (unit == "cm") return v * 10;
  if (unit == "in") return v * 25.4;
  if (unit == "pt") return v * 25.4 / 72;
  if (unit == "pc") return v * 25.4 / 6;
  if (unit.empty() || unit == "px") return v * 25.4 / dpi;
  return 0;  // em, ex, %: 2021.01 counts them as 0
}

struct Page {
  SvgMatrix toPage;  // user units to millimetres, y still down
  double height = 0;
};

Page ReadPage(const XmlNode& svg, double dpi) {
  Page page;
  bool haveW = false, haveH = false;
  double w = LengthMm(XmlAttribute(svg, "width"), dpi, &haveW);
  double h = LengthMm(XmlAttribute(svg, "height"), dpi, &haveH);
  const std::vector<double> vb = ParseSvgNumberList(XmlAttribute(svg, "viewBox"));
  if (vb.size() == 4 && vb[2] > 0 && vb[3] > 0) {
    if (!haveW) w = vb[2] * 25.4 / dpi;
    if (!haveH) h = vb[3] * 25.4 / dpi;
    double sx = w / vb[2], sy = h / vb[3];
    double tx = 0, ty = 0;
    std::string_view par = Trim(XmlAttribute(svg, "preserveAspectRatio"));
    if (par.substr(0, 5) == "defer") par = Trim(par.substr(5));
    if (par.substr(0, 4) != "none") {
      const bool slice = par.find("slice") != std::string_view::npos;
      const double s = slice ? std::max(sx, sy) : std::min(sx, sy);
      sx = sy = s;
      auto align = [&](std::string_view key) {
        if (par.find(std::string(key) + "Min") != std::string_view::npos) return 0.0;
        if (par.find(std::string(key) + "Max") != std::string_view::npos) return 1.0;
        return 0.5;
      };
      tx = (w - vb[2] * s) * align("x");
      ty = (h - vb[3] * s) * align("Y");
    }
    page.toPage = {sx, 0, 0, sy, tx - vb[0] * sx, ty + vb[1] * sy};
  }
  page.height = h;
  return page;
}

bool IgnoredContainer(std::string_view name) {
  return name == "defs" || name == "symbol" || name == "clipPath" || name == "mask" ||
         name == "pattern" || name == "marker" || name == "metadata" || name == "text" ||
         name == "style" || name == "title" || name == "desc" || name == "use" ||
         name == "linearGradient" || name == "radialGradient" || name == "filter" ||
         name == "image" || name == "foreignObject" || name == "namedview";
}

class Reader {
 public:
  Reader(const SvgOptions& o, const Page& page, std::vector<SvgShape>& shapes,
         std::vector<std::string>& warnings)
      : page_(page.toPage), pageHeight_(page.height), options_(o), shapes_(shapes),
        warnings_(warnings) {
    budget_.left = o.maxPoints;
  }

  void Walk(const XmlNode& node, const SvgMatrix& parent, int depth) {
    if (depth > kMaxXmlDepth) return;
    for (const XmlNode* child : XmlChildren(node)) {
      if (budget_.exhausted) return;
      const std::string_view name = XmlLocalName(*child);
      if (IgnoredContainer(name)) continue;
      const SvgMatrix m = Compose(parent, ParseSvgTransform(XmlAttribute(*child, "transform")));
      if (!Shape(*child, name, m)) Walk(*child, m, depth + 1);
    }
  }

  void Finish() {
    if (budget_.exhausted)
      warnings_.push_back("SVG import: more than " + std::to_string(options_.maxPoints) +
                          " points; the rest of the drawing is left out");
    if (nonFinite_)
      warnings_.push_back("SVG import: shapes with non-finite or huge (1e15 or more) coordinates left out");
  }

 private:
  double Num(const XmlNode& n, std::string_view name) { return StrictNumber(XmlAttribute(n, name)); }

  // Adds the shape `node` is; false when it is no shape.
  bool Shape(const XmlNode& n, std::string_view name, const SvgMatrix& m) {
    std::vector<SvgSubpath> paths;
    if (name == "path") {
      paths = ParseSvgPathData(XmlAttribute(n, "d"), budget_);
    } else if (name == "rect") {
      paths.push_back(SvgRect(Num(n, "x"), Num(n, "y"), Num(n, "width"), Num(n, "height"),
                              Num(n, "rx"), Num(n, "ry"), budget_));
    } else if (name == "circle") {
      const double r = Num(n, "r");
      paths.push_back(SvgEllipse(Num(n, "cx"), Num(n, "cy"), r, r, budget_));
    } else if (name == "ellipse") {
      paths.push_back(SvgEllipse(Num(n, "cx"), Num(n, "cy"), Num(n, "rx"), Num(n, "ry"), budget_));
    } else if (name == "line") {
      SvgSubpath s;
      if (budget_.Take(2))
        s.points = {{Num(n, "x1"), Num(n, "y1")}, {Num(n, "x2"), Num(n, "y2")}};
      paths.push_back(std::move(s));
    } else if (name == "polyline" || name == "polygon") {
      SvgSubpath s;
      s.points = PointList(XmlAttribute(n, "points"));
      if (!budget_.Take(static_cast<long long>(s.points.size()))) s.points.clear();
      s.closed = name == "polygon" || (s.points.size() > 2 && s.points.front() == s.points.back());
      if (s.closed && s.points.size() > 1 && s.points.front() == s.points.back()) s.points.pop_back();
      paths.push_back(std::move(s));
    } else {
      return false;
    }
    SvgShape shape;
    for (SvgSubpath& p : paths) {
      if (p.points.size() < 2) continue;
      if (p.closed) {
        if (p.points.size() >= 3) shape.fill.push_back(std::move(p.points));
      } else {
        StrokeSvgPolyline(p.points, StrokeWidth(n), Cap(n), Join(n), budget_, shape.stroke);
      }
    }
    const SvgMatrix toOut = Compose(page_, m);
    bool finite = true;
    for (auto* list : {&shape.fill, &shape.stroke})
      for (SvgContour& c : *list)
        for (auto& p : c) {
          p = toOut.Apply(p);
          p[1] = pageHeight_ - p[1];
          finite = finite && std::fabs(p[0]) < kMaxCoordinate && std::fabs(p[1]) < kMaxCoordinate;
        }
    // The stroke contours are to be filled with the positive rule: keep
    // their orientation through a mirroring transform (the y flip is one).
    if (-(toOut.a * toOut.d - toOut.b * toOut.c) < 0)
      for (SvgContour& c : shape.stroke) std::reverse(c.begin(), c.end());
    if (!finite) {
      nonFinite_ = true;
      return true;
    }
    if (!shape.fill.empty() || !shape.stroke.empty()) shapes_.push_back(std::move(shape));
    return true;
  }

  double StrokeWidth(const XmlNode& n) {
    const double w = StrictNumber(Property(n, "stroke-width"));
    return w > 0 ? w : 1;
  }
  SvgCap Cap(const XmlNode& n) {
    std::string_view v = Property(n, "stroke-linecap");
    return v == "butt" ? SvgCap::kButt : v == "round" ? SvgCap::kRound : SvgCap::kSquare;
  }
  SvgJoin Join(const XmlNode& n) {
    std::string_view v = Property(n, "stroke-linejoin");
    return v == "bevel" ? SvgJoin::kBevel : v == "round" ? SvgJoin::kRound : SvgJoin::kMiter;
  }

  SvgMatrix page_;
  double pageHeight_ = 0;
  const SvgOptions& options_;
  std::vector<SvgShape>& shapes_;
  std::vector<std::string>& warnings_;
  SvgPointBudget budget_;
  bool nonFinite_ = false;
};

void Center(std::vector<SvgShape>& shapes) {
  double lo[2] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  double hi[2] = {-lo[0], -lo[1]};
  for (const SvgShape& s : shapes)
    for (const auto* list : {&s.fill, &s.stroke})
      for (const SvgContour& c : *list)
        for (const auto& p : c)
          for (int k = 0; k < 2; ++k) {
            lo[k] = std::min(lo[k], p[k]);
            hi[k] = std::max(hi[k], p[k]);
          }
  if (!(lo[0] <= hi[0])) return;
  const double cx = (lo[0] + hi[0]) / 2, cy = (lo[1] + hi[1]) / 2;
  for (SvgShape& s : shapes)
    for (auto* list : {&s.fill, &s.stroke})
      for (SvgContour& c : *list)
        for (auto& p : c) p = {p[0] - cx, p[1] - cy};
}

}  // namespace

bool ReadSvg(std::string_view text, const SvgOptions& options, std::vector<SvgShape>& shapes,
             std::string& error, std::vector<std::string>& warnings) {
  shapes.clear();
  XmlDocument doc;
  if (!doc.Parse(text, error)) return false;
  const XmlNode* root = doc.Root();
  if (XmlLocalName(*root) != "svg") {
    error = "the root element is not <svg>";
    return false;
  }
  const double dpi = options.dpi >= 0.001 && std::isfinite(options.dpi) ? options.dpi : 72;
  const Page page = ReadPage(*root, dpi);
  Reader reader(options, page, shapes, warnings);
  reader.Walk(*root, SvgMatrix(), 0);
  reader.Finish();
  if (options.center) Center(shapes);
  return true;
}

}  // namespace mos::importer

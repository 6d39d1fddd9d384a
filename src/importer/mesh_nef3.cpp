// The layout read (CGAL SNC_io_parser, "standard" kernel), one record a line:
//   vertex    i { hbegin hend, sebegin seend, sfbegin sfend, loop | x y z w } mark
//   halfedge  i { twin, vertex, isolated [sface|sedge] | x y z w } mark
//   facet     i { twin, cycle..., loop..., volume | a b c d } mark
//   volume    i { shell... } mark
//   shalfedge i { twin, sprev, snext, source, sface, prev, next, facet | a b c d } mark
//   shalfloop i { twin, sface, facet | a b c d } mark
//   sface     i { vertex, sedges..., svertices..., sloops..., volume } mark
// Numbers may be integers, decimals or fractions "p/q"; a point is x/w, y/w, z/w.
#include "importer/mesh_nef3.h"

#include <cmath>
#include <cstdlib>

namespace mos::importer {
namespace {

// One record as its brace fields: groups of words split at ',' and '|'.
struct Record {
  std::vector<std::vector<std::string_view>> groups;  // ',' separated, '|' starts the last
  std::vector<std::string_view> tail;                  // after '|'
  bool mark = false;
};

bool Number(std::string_view w, double& v) {
  if (w.empty() || w.size() > 400) return false;
  const size_t slash = w.find('/');
  std::string t(w.substr(0, slash));
  char* end = nullptr;
  v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size()) return false;
  if (slash != std::string_view::npos) {
    double q = 0;
    if (!Number(w.substr(slash + 1), q) || q == 0) return false;
    v /= q;
  }
  return std::isfinite(v);
}

bool Index(std::string_view w, long long limit, int& v) {
  double d = 0;
  if (!Number(w, d) || d != std::floor(d) || d < -2 || d >= static_cast<double>(limit)) return false;
  v = static_cast<int>(d);
  return true;
}

class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) {}
  bool Next(std::string_view& line) {
    while (pos_ < s_.size()) {
      size_t end = s_.find('\n', pos_);
      if (end == std::string_view::npos) end = s_.size();
      line = s_.substr(pos_, end - pos_);
      pos_ = end + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (!line.empty()) return true;
    }
    return false;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// "i { a b, c, d | x y z w } m"; `index` must be the record's number.
bool ParseRecord(std::string_view line, long long index, Record& r) {
  const size_t open = line.find('{'), close = line.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  const std::vector<std::string_view> head = Words(line.substr(0, open));
  double n = 0;
  if (head.size() != 1 || !Number(head[0], n) || n != static_cast<double>(index)) return false;
  const std::vector<std::string_view> markWords = Words(line.substr(close + 1));
  if (markWords.size() != 1 || (markWords[0] != "0" && markWords[0] != "1")) return false;
  r.mark = markWords[0] == "1";
  std::string_view body = line.substr(open + 1, close - open - 1);
  const size_t bar = body.find('|');
  r.tail.clear();
  if (bar != std::string_view::npos) {
    r.tail = Words(body.substr(bar + 1));
    body = body.substr(0, bar);
  }
  r.groups.clear();
  size_t start = 0;
  for (;;) {
    const size_t comma = body.find(',', start);
    r.groups.push_back(Words(body.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                                 : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  // Every word is a number (CGAL's parser rejects the record otherwise).
  double v = 0;
  for (const auto& g : r.groups)
    for (std::string_view w : g)
      if (!Number(w, v)) return false;
  for (std::string_view w : r.tail)
    if (!Number(w, v)) return false;
  return true;
}

bool Fail(std::string& error, const std::string& what) {
  error = what;
  return false;
}

}  // namespace

bool ReadNef3(std::string_view text, Nef3Data& out, std::string& error) {
  out = Nef3Data();
  Lines lines(text);
  std::string_view line;
  if (!lines.Next(line) || line != "Selective Nef Complex") return Fail(error, "not a Nef complex");
  if (!lines.Next(line)) return Fail(error, "truncated header");  // kernel: standard, ...
  const char* names[] = {"vertices", "halfedges", "facets", "volumes", "shalfedges", "shalfloops", "sfaces"};
  long long counts[7];
  for (int k = 0; k < 7; ++k) {
    if (!lines.Next(line)) return Fail(error, "truncated header");
    const std::vector<std::string_view> w = Words(line);
    double n = 0;
    // Each record takes at least 8 bytes: counts beyond the text are lies.
    if (w.size() != 2 || w[0] != names[k] || !Number(w[1], n) || n < 0 || n != std::floor(n) ||
        n > static_cast<double>(text.size()) / 8)
      return Fail(error, std::string("bad ") + names[k] + " count");
    counts[k] = static_cast<long long>(n);
  }
  const long long nv = counts[0], nh = counts[1], nf = counts[2], nvol = counts[3], nse = counts[4];
  Record r;
  std::vector<int> halfedgeVertex(static_cast<size_t>(nh));
  struct FacetRec {
    int twin = -1, volume = -1;
    std::vector<int> cycles;
    std::array<double, 3> normal{};
  };
  std::vector<FacetRec> facets(static_cast<size_t>(nf));
  std::vector<bool> volumeMark(static_cast<size_t>(nvol));
  std::vector<int> seSource(static_cast<size_t>(nse)), seNext(static_cast<size_t>(nse));
  for (long long i = 0; i < nv; ++i) {
    if (!lines.Next(line) || !ParseRecord(line, i, r) || r.tail.size() != 4) return Fail(error, "bad vertex");
    double c[4];
    for (int k = 0; k < 4; ++k)
      if (!Number(r.tail[k], c[k])) return Fail(error, "bad vertex point");
    if (c[3] == 0) return Fail(error, "vertex at infinity");
    out.points.push_back({c[0] / c[3], c[1] / c[3], c[2] / c[3]});
  }
  for (long long i = 0; i < nh; ++i) {
    if (!lines.Next(line) || !ParseRecord(line, i, r) || r.groups.size() < 2 || r.groups[1].size() != 1 ||
        !Index(r.groups[1][0], nv, halfedgeVertex[i]) || halfedgeVertex[i] < 0)
      return Fail(error, "bad halfedge");
  }
  for (long long i = 0; i < nf; ++i) {
    FacetRec& f = facets[i];
    if (!lines.Next(line) || !ParseRecord(line, i, r) || r.groups.size() < 3 || r.tail.size() != 4)
      return Fail(error, "bad facet");
    if (r.groups[0].size() != 1 || !Index(r.groups[0][0], nf, f.twin) || f.twin < 0)
      return Fail(error, "bad facet twin");
    for (std::string_view w : r.groups[1]) {
      int e = 0;
      if (!Index(w, nse, e) || e < 0) return Fail(error, "bad facet cycle");
      f.cycles.push_back(e);
    }
    const std::vector<std::string_view>& last = r.groups.back();
    if (last.size() != 1 || !Index(last[0], nvol, f.volume) || f.volume < 0)
      return Fail(error, "bad facet volume");
    for (int k = 0; k < 3; ++k)
      if (!Number(r.tail[k], f.normal[k])) return Fail(error, "bad facet plane");
  }
  for (long long i = 0; i < nvol; ++i) {
    if (!lines.Next(line) || !ParseRecord(line, i, r)) return Fail(error, "bad volume");
    volumeMark[i] = r.mark;
  }
  for (long long i = 0; i < nse; ++i) {
    if (!lines.Next(line) || !ParseRecord(line, i, r) || r.groups.size() != 8)
      return Fail(error, "bad shalfedge");
    for (size_t k = 0; k < 8; ++k)
      if (r.groups[k].size() != 1) return Fail(error, "bad shalfedge");
    if (!Index(r.groups[3][0], nh, seSource[i]) || seSource[i] < 0 ||
        !Index(r.groups[6][0], nse, seNext[i]) || seNext[i] < 0)
      return Fail(error, "bad shalfedge link");
  }
  // Shalfloops and sfaces are not needed for the boundary, but must be there.
  for (int k = 5; k < 7; ++k)
    for (long long i = 0; i < counts[k]; ++i)
      if (!lines.Next(line) || !ParseRecord(line, i, r)) return Fail(error, std::string("bad ") + names[k]);
  for (const FacetRec& f : facets) {
    // Keep the side of a boundary facet that faces the outside: a facet's
    // plane normal points into its own volume.
    if (volumeMark[f.volume] || !volumeMark[facets[f.twin].volume]) continue;
    Nef3Data::Facet facet;
    facet.normal = f.normal;
    for (int start : f.cycles) {
      std::vector<int> cycle;
      int e = start;
      do {
        cycle.push_back(halfedgeVertex[seSource[e]]);
        e = seNext[e];
        if (cycle.size() > static_cast<size_t>(nse)) return Fail(error, "facet cycle does not close");
      } while (e != start);
      facet.cycles.push_back(std::move(cycle));
    }
    out.facets.push_back(std::move(facet));
  }
  return true;
}

}  // namespace mos::importer

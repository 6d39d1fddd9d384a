#include "http_request.h"

#include <cctype>

namespace mos::serve {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 token characters (method and header names).
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (std::isalnum(c)) continue;
    if (std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) == std::string_view::npos) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

ParseOutcome Fail(int status, std::string reason) {
  ParseOutcome out;
  out.state = ParseState::Error;
  out.status = status;
  out.reason = std::move(reason);
  return out;
}

// Splits the head into lines (CRLF, or a bare LF as RFC 9112 allows).
std::vector<std::string_view> Lines(std::string_view head) {
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    const std::size_t end = head.find('\n');
    std::string_view line = head.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    head.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::string HttpRequest::Header(std::string_view lowerName) const {
  for (const auto& [name, value] : headers)
    if (name == lowerName) return value;
  return "";
}

bool HttpRequest::KeepAlive() const {
  const std::string connection = Lower(Header("connection"));
  if (minorVersion == 0) return connection.find("keep-alive") != std::string::npos;
  return connection.find("close") == std::string::npos;
}

bool PercentDecode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return false;
    out += c;
  }
  return true;
}

ParseOutcome ParseRequestHead(std::string_view buffer, const ParseLimits& limits) {
  // The end of the head: the first empty line.
  std::size_t end = std::string_view::npos, headBytes = 0;
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    if (buffer[i] != '\n') continue;
    if (i + 1 < buffer.size() && buffer[i + 1] == '\n') { end = i; headBytes = i + 2; break; }
    if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') { end = i; headBytes = i + 3; break; }
  }
  if (end == std::string_view::npos) {
    if (buffer.size() > limits.maxHeadBytes) return Fail(431, "request head too large");
    return ParseOutcome{};
  }
  if (headBytes > limits.maxHeadBytes) return Fail(431, "request head too large");
  // Leading empty lines before the request line are ignored (RFC 9112 2.2).
  std::string_view head = buffer.substr(0, end);
  while (!head.empty() && (head.front() == '\r' || head.front() == '\n')) head.remove_prefix(1);
  const std::vector<std::string_view> lines = Lines(head);
  if (lines.empty()) return Fail(400, "empty request");

  ParseOutcome out;
  HttpRequest& r = out.request;
  const std::string_view line = lines[0];
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return Fail(400, "malformed request line");
  r.method = std::string(line.substr(0, sp1));
  r.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  const std::string_view version = line.substr(sp2 + 1);
  if (!IsToken(r.method)) return Fail(400, "malformed method");
  if (version.size() != 8 || version.substr(0, 7) != "HTTP/1." || (version[7] != '0' && version[7] != '1'))
    return version.substr(0, 5) == "HTTP/" ? Fail(505, "HTTP version not supported")
                                           : Fail(400, "malformed HTTP version");
  r.minorVersion = version[7] - '0';
  if (r.target.size() > limits.maxTargetBytes) return Fail(414, "URI too long");
  if (r.target.empty() || r.target[0] != '/') return Fail(400, "only origin-form targets");
  for (unsigned char c : r.target)
    if (c <= 0x20 || c >= 0x7f) return Fail(400, "invalid character in target");

  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view h = lines[i];
    if (h.front() == ' ' || h.front() == '\t') return Fail(400, "obsolete header folding");
    const std::size_t colon = h.find(':');
    if (colon == std::string_view::npos || !IsToken(h.substr(0, colon))) return Fail(400, "malformed header");
    if (r.headers.size() >= limits.maxHeaders) return Fail(431, "too many headers");
    r.headers.emplace_back(Lower(h.substr(0, colon)), std::string(Trim(h.substr(colon + 1))));
  }
  if (r.minorVersion == 1 && r.Header("host").empty()) return Fail(400, "Host header missing");

  if (!r.Header("transfer-encoding").empty()) return Fail(413, "request bodies are not accepted");
  const std::string length = r.Header("content-length");
  if (!length.empty() && length != "0") {
    for (char c : length)
      if (c < '0' || c > '9') return Fail(400, "malformed Content-Length");
    return Fail(413, "request bodies are not accepted");
  }
  if (r.method != "GET" && r.method != "HEAD") return Fail(405, "only GET and HEAD");

  const std::size_t q = r.target.find('?');
  const std::string_view rawPath = std::string_view(r.target).substr(0, q);
  if (q != std::string::npos) r.query = r.target.substr(q + 1);
  if (!PercentDecode(rawPath, r.path)) return Fail(400, "malformed percent-encoding");
  out.state = ParseState::Complete;
  out.headBytes = headBytes;
  return out;
}

}  // namespace mos::serve

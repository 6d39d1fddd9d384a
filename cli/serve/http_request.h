// `mos serve`: the head of an HTTP/1.1 request (request line and headers),
// parsed from the bytes read so far. Bounded: a head longer than maxBytes
// or with too many headers is refused, never buffered further.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mos::serve {

struct HttpRequest {
  std::string method;   // "GET", "HEAD", ...
  std::string target;   // as sent: "/files/0/a%20b.scad?x=1"
  std::string path;     // the target's path, percent-decoded: "/files/0/a b.scad"
  std::string query;    // after '?', not decoded
  int minorVersion = 1; // HTTP/1.x
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  // The value of a header ("" when absent).
  std::string Header(std::string_view lowerName) const;
  // HTTP/1.1 keeps the connection unless "Connection: close"; 1.0 closes it
  // unless "Connection: keep-alive".
  bool KeepAlive() const;
};

enum class ParseState {
  Incomplete,  // no blank line yet: read more (within the bound)
  Complete,    // `request` filled, `headBytes` bytes consumed
  Error,       // `status` says why (400, 405, 413, 414, 431, 501, 505)
};

struct ParseOutcome {
  ParseState state = ParseState::Incomplete;
  int status = 0;
  std::string reason;  // for the error page
  HttpRequest request;
  std::size_t headBytes = 0;
};

struct ParseLimits {
  std::size_t maxHeadBytes = 16 * 1024;
  std::size_t maxTargetBytes = 4096;
  std::size_t maxHeaders = 64;
};

// Parses `buffer` (everything read from the connection so far). Only GET and
// HEAD are served; a request with a body (Content-Length > 0,
// Transfer-Encoding) is refused with 413, as nothing here takes one.
ParseOutcome ParseRequestHead(std::string_view buffer, const ParseLimits& limits = {});

// Percent-decoding of a URL path: false for a malformed escape or a decoded
// NUL byte. '+' stays '+' (it means space only in queries).
bool PercentDecode(std::string_view in, std::string& out);

}  // namespace mos::serve

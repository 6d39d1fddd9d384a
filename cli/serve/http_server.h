// `mos serve`: a small HTTP/1.1 server on POSIX sockets, listening on
// 127.0.0.1 only. One thread per connection, at most `maxConnections` at
// once (more are answered 503 and closed); request heads are bounded
// (http_request.h); reads and writes time out, so a stalled or vanished
// client only ever costs its own thread, and writes to a closed socket fail
// instead of raising SIGPIPE.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "http_request.h"

namespace mos::serve {

// Headers every response carries: cross-origin isolation (COOP/COEP, so the
// page gets SharedArrayBuffer for the render cancel flag) and nosniff.
std::string CommonHeaders();

const char* StatusText(int status);

// A complete response with Content-Length (no body for HEAD).
std::string MakeResponse(int status, const std::string& contentType, const std::string& body,
                         bool headOnly, bool keepAlive, const std::string& extraHeaders = "");

// One accepted connection, for handlers that stream (Server-Sent Events).
class Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}
  // Writes everything; false when the peer is gone or the write timed out.
  bool SendAll(const std::string& bytes);
  int fd() const { return fd_; }

 private:
  int fd_;
};

struct Response {
  int status = 200;
  std::string contentType = "text/plain; charset=utf-8";
  std::string body;
  std::string extraHeaders;  // "Name: value\r\n" lines
  // When set, the handler streams on the connection itself (the head too)
  // and the connection closes afterwards.
  std::function<void(Connection&)> stream;
};

using Handler = std::function<Response(const HttpRequest&)>;

struct ServerOptions {
  int port = 0;                   // 0: an ephemeral port
  int maxConnections = 64;
  int ioTimeoutSeconds = 20;      // per read / write (streams: per write)
  int headTimeoutSeconds = 30;    // a whole request head
  int maxRequestsPerConnection = 1000;
  ParseLimits limits;
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options) : options_(options) {}
  ~HttpServer();
  // Binds 127.0.0.1:port; "" on success, else what went wrong.
  std::string Listen();
  int port() const { return port_; }
  // Accepts until Stop(); each connection on its own thread.
  void Run(const Handler& handler);
  void Stop() { stop_ = true; }
  int activeConnections() const { return active_.load(); }

 private:
  void Serve(int fd, const Handler& handler);
  ServerOptions options_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> active_{0};
};

}  // namespace mos::serve

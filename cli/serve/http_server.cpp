#include "http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace mos::serve {

std::string CommonHeaders() {
  return "Cross-Origin-Opener-Policy: same-origin\r\n"
         "Cross-Origin-Embedder-Policy: require-corp\r\n"
         "Cross-Origin-Resource-Policy: same-origin\r\n"
         "X-Content-Type-Options: nosniff\r\n";
}

const char* StatusText(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
  }
  return "Error";
}

std::string MakeResponse(int status, const std::string& contentType, const std::string& body,
                         bool headOnly, bool keepAlive, const std::string& extraHeaders) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + StatusText(status) + "\r\n";
  out += CommonHeaders();
  out += "Content-Type: " + contentType + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  if (status == 405) out += "Allow: GET, HEAD\r\n";
  out += extraHeaders;
  out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out += "\r\n";
  if (!headOnly) out += body;
  return out;
}

bool Connection::SendAll(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

HttpServer::~HttpServer() {
  if (listenFd_ >= 0) ::close(listenFd_);
}

std::string HttpServer::Listen() {
  listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listenFd_ < 0) return std::string("socket: ") + std::strerror(errno);
  const int one = 1;
  ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // 127.0.0.1 only
  addr.sin_port = htons(static_cast<uint16_t>(options_.port));
  if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    return "cannot listen on 127.0.0.1:" + std::to_string(options_.port) + ": " + std::strerror(errno);
  if (::listen(listenFd_, 64) != 0) return std::string("listen: ") + std::strerror(errno);
  socklen_t len = sizeof addr;
  ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  return "";
}

void HttpServer::Run(const Handler& handler) {
  while (!stop_) {
    pollfd p{listenFd_, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    timeval tv{options_.ioTimeoutSeconds, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (active_.load() >= options_.maxConnections) {
      Connection(fd).SendAll(MakeResponse(503, "text/plain; charset=utf-8", "too many connections\n",
                                          false, false, "Retry-After: 1\r\n"));
      ::close(fd);
      continue;
    }
    ++active_;
    try {
      std::thread([this, fd, &handler] {
        Serve(fd, handler);
        ::close(fd);
        --active_;
      }).detach();
    } catch (...) {  // no thread to be had: refuse this one
      --active_;
      ::close(fd);
    }
  }
}

void HttpServer::Serve(int fd, const Handler& handler) {
  Connection connection(fd);
  std::string buffer;
  char chunk[4096];
  // A head trickling in a byte at a time (each read within the timeout)
  // still has to be complete within this.
  const auto headDeadline = std::chrono::seconds(options_.headTimeoutSeconds);
  auto headStarted = std::chrono::steady_clock::now();
  for (int served = 0; served < options_.maxRequestsPerConnection && !stop_;) {
    ParseOutcome parsed = ParseRequestHead(buffer, options_.limits);
    if (parsed.state == ParseState::Incomplete) {
      if (!buffer.empty() && std::chrono::steady_clock::now() - headStarted > headDeadline) {
        connection.SendAll(MakeResponse(408, "text/plain; charset=utf-8", "request timeout\n", false, false));
        return;
      }
      if (buffer.empty()) headStarted = std::chrono::steady_clock::now();
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {  // closed, reset or timed out
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && !buffer.empty())
          connection.SendAll(MakeResponse(408, "text/plain; charset=utf-8", "request timeout\n", false, false));
        return;
      }
      buffer.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (parsed.state == ParseState::Error) {
      connection.SendAll(MakeResponse(parsed.status, "text/plain; charset=utf-8", parsed.reason + "\n", false, false));
      return;
    }
    buffer.erase(0, parsed.headBytes);
    headStarted = std::chrono::steady_clock::now();  // for a pipelined next request
    ++served;
    const HttpRequest& request = parsed.request;
    Response response;
    try {
      response = handler(request);
    } catch (...) {
      response = Response{};
      response.status = 500;
      response.body = "internal error\n";
    }
    if (response.stream) {
      response.stream(connection);
      return;
    }
    const bool keepAlive = request.KeepAlive();
    if (!connection.SendAll(MakeResponse(response.status, response.contentType, response.body,
                                         request.method == "HEAD", keepAlive, response.extraHeaders)))
      return;
    if (!keepAlive) return;
  }
}

}  // namespace mos::serve

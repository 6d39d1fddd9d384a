// `mos serve`: request heads (cli/serve/http_request.h).
#include "serve/http_request.h"

#include <gtest/gtest.h>

#include <string>

namespace mos::serve {
namespace {

TEST(HttpRequest, ParsesAGetWithHeadersAndQuery) {
  const std::string head = "GET /files/0/a%20b.scad?v=3 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Thing:  two words \r\n\r\nrest";
  const ParseOutcome out = ParseRequestHead(head);
  ASSERT_EQ(out.state, ParseState::Complete);
  EXPECT_EQ(out.request.method, "GET");
  EXPECT_EQ(out.request.target, "/files/0/a%20b.scad?v=3");
  EXPECT_EQ(out.request.path, "/files/0/a b.scad");
  EXPECT_EQ(out.request.query, "v=3");
  EXPECT_EQ(out.request.Header("x-thing"), "two words");
  EXPECT_EQ(out.headBytes, head.size() - 4);
  EXPECT_TRUE(out.request.KeepAlive());
}

TEST(HttpRequest, IncompleteUntilTheBlankLine) {
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\n").state, ParseState::Incomplete);
  EXPECT_EQ(ParseRequestHead("").state, ParseState::Incomplete);
  // Bare LF line ends are accepted.
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\nHost: x\n\n").state, ParseState::Complete);
}

TEST(HttpRequest, BoundsTheHead) {
  ParseLimits limits;
  limits.maxHeadBytes = 100;
  // Never ends: refused once past the bound, not buffered forever.
  const ParseOutcome endless = ParseRequestHead("GET / HTTP/1.1\r\nX: " + std::string(200, 'a'), limits);
  EXPECT_EQ(endless.state, ParseState::Error);
  EXPECT_EQ(endless.status, 431);
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 70; ++i) many += "H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(ParseRequestHead(many + "\r\n").status, 431);
  EXPECT_EQ(ParseRequestHead("GET /" + std::string(5000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n").status, 414);
}

TEST(HttpRequest, RefusesMalformedRequests) {
  EXPECT_EQ(ParseRequestHead("GARBAGE\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET  / HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/2.0\r\nHost: x\r\n\r\n").status, 505);
  EXPECT_EQ(ParseRequestHead("GET / FTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\n\r\n").status, 400);  // no Host in 1.1
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET /a\x01 HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("G(T / HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
}

TEST(HttpRequest, OnlyGetAndHeadWithoutBodies) {
  EXPECT_EQ(ParseRequestHead("POST / HTTP/1.1\r\nHost: x\r\n\r\n").status, 405);
  EXPECT_EQ(ParseRequestHead("DELETE / HTTP/1.1\r\nHost: x\r\n\r\n").status, 405);
  EXPECT_EQ(ParseRequestHead("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n").state, ParseState::Complete);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n").status, 413);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n").status, 400);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n").status, 413);
  EXPECT_EQ(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").state, ParseState::Complete);
}

TEST(HttpRequest, PercentDecodingRefusesNulAndBadEscapes) {
  std::string out;
  EXPECT_TRUE(PercentDecode("/%2e%2E/a+b%41", out));
  EXPECT_EQ(out, "/../a+bA");
  EXPECT_FALSE(PercentDecode("/a%00b", out));
  EXPECT_FALSE(PercentDecode("/a%zz", out));
  EXPECT_FALSE(PercentDecode("/a%4", out));
  EXPECT_FALSE(PercentDecode("/a%", out));
  EXPECT_EQ(ParseRequestHead("GET /a%00.scad HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
}

TEST(HttpRequest, KeepAliveFollowsVersionAndConnection) {
  EXPECT_FALSE(ParseRequestHead("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").request.KeepAlive());
  EXPECT_FALSE(ParseRequestHead("GET / HTTP/1.0\r\n\r\n").request.KeepAlive());
  EXPECT_TRUE(ParseRequestHead("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request.KeepAlive());
}

}  // namespace
}  // namespace mos::serve

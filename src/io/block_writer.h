#pragma once
// A 64 kB output block for the text exporters: pieces go in by memcpy of a
// known length (no strlen, no capacity check per piece), and the block goes
// to the stream when full. Not zero-filled: only written bytes are read
// (and untouched pages cost no page faults for a small file).
#include <charconv>
#include <cstddef>
#include <cstring>
#include <memory>
#include <ostream>

namespace mos::io {

class BlockWriter {
 public:
  // The room Reserve() guarantees: a caller writes at most this much (its
  // scratch bytes past the text included) between two calls.
  static constexpr std::size_t kRoom = 1024;

  explicit BlockWriter(std::ostream& out) : out_(out), buf_(new char[kSize]) {}
  template <std::size_t N>
  void Literal(const char (&text)[N]) {
    std::memcpy(buf_.get() + used_, text, N - 1);
    used_ += N - 1;
  }
  void Char(char c) { buf_[used_++] = c; }
  // An int as a stream prints it (decimal, no grouping: the classic locale).
  void Int(int v) { used_ = static_cast<std::size_t>(std::to_chars(Cursor(), Cursor() + 16, v).ptr - buf_.get()); }
  // Where the next bytes go; Advance(n) keeps n of them.
  char* Cursor() { return buf_.get() + used_; }
  void Advance(std::size_t n) { used_ += n; }
  void Reserve() {
    if (used_ > kSize - kRoom) Flush();
  }
  void Flush() {
    out_.write(buf_.get(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kSize = 1 << 16;
  std::ostream& out_;
  std::unique_ptr<char[]> buf_;
  std::size_t used_ = 0;
};

}  // namespace mos::io

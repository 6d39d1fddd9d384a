// A small XML reader for the exporter tests: elements, attributes and text,
// enough to read back what the AMF and 3MF writers produce (no entities,
// CDATA or comments). Throws std::runtime_error on malformed input, so a
// writer bug fails the test that reads its output.
#pragma once

#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace mos::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // character data directly inside, whitespace trimmed
  std::vector<std::unique_ptr<XmlElement>> children;

  std::vector<const XmlElement*> All(const std::string& childName) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children)
      if (c->name == childName) out.push_back(c.get());
    return out;
  }
  const XmlElement& One(const std::string& childName) const {
    auto all = All(childName);
    if (all.size() != 1) throw std::runtime_error("expected one <" + childName + "> in <" + name + ">");
    return *all[0];
  }
  // Every descendant named `n`, depth first.
  void Collect(const std::string& n, std::vector<const XmlElement*>& out) const {
    for (const auto& c : children) {
      if (c->name == n) out.push_back(c.get());
      c->Collect(n, out);
    }
  }
};

class XmlReader {
 public:
  explicit XmlReader(const std::string& text) : s_(text) {}

  // The root element; the XML declaration is checked and skipped.
  std::unique_ptr<XmlElement> Parse() {
    SkipSpace();
    if (s_.compare(pos_, 5, "<?xml") == 0) {
      const size_t end = s_.find("?>", pos_);
      if (end == std::string::npos) throw std::runtime_error("unterminated declaration");
      pos_ = end + 2;
    }
    SkipSpace();
    auto root = Element(0);
    SkipSpace();
    if (pos_ != s_.size()) throw std::runtime_error("text after the root element");
    return root;
  }

 private:
  std::unique_ptr<XmlElement> Element(int depth) {
    if (depth > 64) throw std::runtime_error("too deep");
    Expect('<');
    auto e = std::make_unique<XmlElement>();
    e->name = Name();
    for (;;) {
      SkipSpace();
      if (Peek() == '/') {
        ++pos_;
        Expect('>');
        return e;
      }
      if (Peek() == '>') {
        ++pos_;
        break;
      }
      const std::string key = Name();
      SkipSpace();
      Expect('=');
      SkipSpace();
      Expect('"');
      const size_t end = s_.find('"', pos_);
      if (end == std::string::npos) throw std::runtime_error("unterminated attribute");
      if (!e->attributes.emplace(key, s_.substr(pos_, end - pos_)).second)
        throw std::runtime_error("repeated attribute " + key);
      pos_ = end + 1;
    }
    for (;;) {
      const size_t lt = s_.find('<', pos_);
      if (lt == std::string::npos) throw std::runtime_error("unterminated <" + e->name + ">");
      e->text += Trim(s_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (s_.compare(pos_, 2, "</") == 0) {
        pos_ += 2;
        if (Name() != e->name) throw std::runtime_error("mismatched </" + e->name + ">");
        SkipSpace();
        Expect('>');
        return e;
      }
      e->children.push_back(Element(depth + 1));
    }
  }

  std::string Name() {
    const size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                s_[pos_] == ':' || s_[pos_] == '_' || s_[pos_] == '-' ||
                                s_[pos_] == '.'))
      ++pos_;
    if (pos_ == start) throw std::runtime_error("name expected at " + std::to_string(pos_));
    return s_.substr(start, pos_ - start);
  }
  static std::string Trim(const std::string& t) {
    const size_t a = t.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return t.substr(a, t.find_last_not_of(" \t\r\n") - a + 1);
  }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void Expect(char c) {
    if (Peek() != c) throw std::runtime_error(std::string("expected '") + c + "' at " + std::to_string(pos_));
    ++pos_;
  }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  const std::string& s_;
  size_t pos_ = 0;
};

inline std::unique_ptr<XmlElement> ParseXml(const std::string& text) {
  return XmlReader(text).Parse();
}

}  // namespace mos::testing

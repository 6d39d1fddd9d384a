// XML through Debian's header-only rapidxml (librapidxml-dev), with the
// guards rapidxml lacks: its recursive descent has no depth limit, so the
// nesting depth is measured by a cheap scan first and deep documents are
// refused; its parse errors (exceptions) become an error text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapidxml {
template <class Ch>
class xml_node;
}

namespace mos::importer {

using XmlNode = rapidxml::xml_node<char>;

// A parsed document; owns its text (rapidxml parses in place).
class XmlDocument {
 public:
  XmlDocument();
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  // False with `error` set when the text is not well-formed XML or nests
  // deeper than kMaxXmlDepth.
  bool Parse(std::string_view text, std::string& error);
  // The first element of the document (nullptr before a successful Parse).
  const XmlNode* Root() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

constexpr int kMaxXmlDepth = 256;

// An element's name without a namespace prefix ("svg:path" -> "path").
std::string_view XmlLocalName(const XmlNode& node);
// The value of attribute `name` (compared without prefix); `found` tells
// whether it was there.
std::string_view XmlAttribute(const XmlNode& node, std::string_view name, bool* found = nullptr);
// Child elements in order, and the first child element called `name`.
std::vector<const XmlNode*> XmlChildren(const XmlNode& node);
const XmlNode* XmlChild(const XmlNode& node, std::string_view name);
// The element's character data (the first data or CDATA child).
std::string_view XmlText(const XmlNode& node);

}  // namespace mos::importer

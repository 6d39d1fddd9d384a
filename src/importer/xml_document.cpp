#include "importer/xml_document.h"

#include <rapidxml.hpp>  // Debian librapidxml-dev: /usr/include/rapidxml

#include <cstring>

namespace mos::importer {
namespace {

// Position just past the first occurrence of `end` at or after `pos`
// (the text's end when there is none).
size_t SkipPast(std::string_view s, size_t pos, std::string_view end) {
  size_t at = s.find(end, pos);
  return at == std::string_view::npos ? s.size() : at + end.size();
}

// An upper bound of the element nesting rapidxml would recurse into:
// comments, CDATA, processing instructions and declarations are skipped as
// rapidxml skips them, quoted attribute values are stepped over, and only a
// closing tag or "/>" lowers the depth.
int NestingDepth(std::string_view s) {
  int depth = 0, deepest = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      i = SkipPast(s, i + 4, "-->");
    } else if (s.compare(i, 9, "<![CDATA[") == 0) {
      i = SkipPast(s, i + 9, "]]>");
    } else if (s.compare(i, 2, "<?") == 0) {
      i = SkipPast(s, i + 2, "?>");
    } else if (s.compare(i, 2, "<!") == 0) {  // DOCTYPE: brackets may nest
      int brackets = 0;
      for (i += 2; i < s.size(); ++i) {
        if (s[i] == '[') ++brackets;
        if (s[i] == ']') --brackets;
        if (s[i] == '>' && brackets <= 0) break;
      }
      ++i;
    } else if (s.compare(i, 2, "</") == 0) {
      if (depth > 0) --depth;
      i = SkipPast(s, i + 2, ">");
    } else {
      char quote = 0;
      size_t j = i + 1;
      for (; j < s.size(); ++j) {
        if (quote) {
          if (s[j] == quote) quote = 0;
        } else if (s[j] == '"' || s[j] == '\'') {
          quote = s[j];
        } else if (s[j] == '>') {
          break;
        }
      }
      const bool selfClosing = j < s.size() && j > i + 1 && s[j - 1] == '/';
      if (!selfClosing && ++depth > deepest) deepest = depth;
      i = j + 1;
    }
  }
  return deepest;
}

}  // namespace

struct XmlDocument::Impl {
  std::vector<char> text;
  rapidxml::xml_document<char> doc;
  const XmlNode* root = nullptr;
};

XmlDocument::XmlDocument() : impl_(std::make_unique<Impl>()) {}
XmlDocument::~XmlDocument() = default;

bool XmlDocument::Parse(std::string_view text, std::string& error) {
  impl_->root = nullptr;
  impl_->doc.clear();
  if (NestingDepth(text) > kMaxXmlDepth) {
    error = "XML nested deeper than " + std::to_string(kMaxXmlDepth) + " elements";
    return false;
  }
  impl_->text.assign(text.begin(), text.end());
  impl_->text.push_back('\0');
  try {
    impl_->doc.parse<0>(impl_->text.data());
  } catch (const rapidxml::parse_error& e) {
    error = std::string("XML error: ") + e.what();
    impl_->doc.clear();
    return false;
  }
  for (const XmlNode* n = impl_->doc.first_node(); n; n = n->next_sibling()) {
    if (n->type() == rapidxml::node_element) {
      impl_->root = n;
      break;
    }
  }
  if (!impl_->root) {
    error = "XML error: no root element";
    return false;
  }
  return true;
}

const XmlNode* XmlDocument::Root() const { return impl_->root; }

namespace {
std::string_view LocalPart(const char* s, size_t n) {
  std::string_view v(s, n);
  size_t colon = v.rfind(':');
  return colon == std::string_view::npos ? v : v.substr(colon + 1);
}
}  // namespace

std::string_view XmlLocalName(const XmlNode& node) {
  return LocalPart(node.name(), node.name_size());
}

std::string_view XmlAttribute(const XmlNode& node, std::string_view name, bool* found) {
  for (auto* a = node.first_attribute(); a; a = a->next_attribute()) {
    std::string_view full(a->name(), a->name_size());
    // "xlink:href" matches "href"; a plain name must match exactly otherwise.
    if (full == name || LocalPart(a->name(), a->name_size()) == name) {
      if (found) *found = true;
      return std::string_view(a->value(), a->value_size());
    }
  }
  if (found) *found = false;
  return {};
}

std::vector<const XmlNode*> XmlChildren(const XmlNode& node) {
  std::vector<const XmlNode*> out;
  for (auto* c = node.first_node(); c; c = c->next_sibling())
    if (c->type() == rapidxml::node_element) out.push_back(c);
  return out;
}

const XmlNode* XmlChild(const XmlNode& node, std::string_view name) {
  for (auto* c = node.first_node(); c; c = c->next_sibling())
    if (c->type() == rapidxml::node_element && XmlLocalName(*c) == name) return c;
  return nullptr;
}

std::string_view XmlText(const XmlNode& node) {
  for (auto* c = node.first_node(); c; c = c->next_sibling())
    if (c->type() == rapidxml::node_data || c->type() == rapidxml::node_cdata)
      return std::string_view(c->value(), c->value_size());
  return {};
}

}  // namespace mos::importer

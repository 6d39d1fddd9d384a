#include "parameter_sets.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "json_reader.h"

namespace mos::cli {

namespace {

enum class ParamType { Other, Number, Bool, String, Vector };

ParamType TypeOf(const lang::Expr* e) {
  if (!e) return ParamType::Other;
  if (e->kind == lang::ExprKind::Literal) {
    switch (static_cast<const lang::LiteralExpr&>(*e).type) {
      case lang::LiteralExpr::Type::Number: return ParamType::Number;
      case lang::LiteralExpr::Type::Bool: return ParamType::Bool;
      case lang::LiteralExpr::Type::String: return ParamType::String;
      default: return ParamType::Other;
    }
  }
  if (e->kind == lang::ExprKind::Vector) return ParamType::Vector;
  if (e->kind == lang::ExprKind::Unary) {
    const auto& u = static_cast<const lang::UnaryExpr&>(*e);
    if (u.op != lang::UnaryOp::Not && TypeOf(u.operand.get()) == ParamType::Number) return ParamType::Number;
  }
  return ParamType::Other;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// A decimal number as an OpenSCAD expression, or "" when `text` is none.
std::string NumberText(const std::string& text) {
  std::string t = Trim(text);
  if (t.empty()) return "";
  for (char c : t)  // decimals only: no hex, inf or nan
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return "";
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || !std::isfinite(v)) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string StringLiteral(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// "[4, 5, \"q\"]" element by element: numbers, quoted strings, and (as
// 2021.01 does) anything else as a string.
std::string VectorText(const std::string& text) {
  std::string t = Trim(text);
  if (t.size() < 2 || t.front() != '[' || t.back() != ']') return "";
  std::string inner = Trim(t.substr(1, t.size() - 2));
  std::string out = "[";
  size_t start = 0;
  bool first = true;
  while (!inner.empty() && start <= inner.size()) {
    size_t comma = inner.find(',', start);
    std::string part = Trim(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    std::string number = NumberText(part);
    std::string element;
    if (!number.empty()) element = number;
    else if (part.size() >= 2 && part.front() == '"' && part.back() == '"') element = StringLiteral(part.substr(1, part.size() - 2));
    else element = StringLiteral(part);
    out += (first ? "" : ", ") + element;
    first = false;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out + "]";
}

// The stored value as text, as 2021.01's property tree holds it.
bool StoredText(const JsonValue& v, std::string& text) {
  switch (v.kind) {
    case JsonValue::Kind::String: text = v.text; return true;
    case JsonValue::Kind::Number: text = v.text; return true;
    case JsonValue::Kind::Bool: text = v.boolean ? "true" : "false"; return true;
    default: return false;
  }
}

}  // namespace

ParameterSetOverrides ParameterSetDefines(const std::string& json, const std::string& jsonPath,
                                          const std::string& setName, const lang::File& model) {
  ParameterSetOverrides out;
  JsonValue root;
  std::string error;
  if (!ParseJson(json, root, error)) {
    out.messages.push_back("WARNING: parameter file '" + jsonPath + "' is not JSON: " + error);
    return out;
  }
  const JsonValue* sets = root.Find("parameterSets");
  if (!sets || sets->kind != JsonValue::Kind::Object) {
    out.messages.push_back("WARNING: parameter file '" + jsonPath + "' has no \"parameterSets\"");
    return out;
  }
  const JsonValue* set = sets->Find(setName);
  if (!set || set->kind != JsonValue::Kind::Object) {
    out.messages.push_back("WARNING: parameter set '" + setName + "' not found in '" + jsonPath + "'");
    return out;
  }
  for (const auto& [name, stored] : set->members) {
    const lang::Assignment* param = nullptr;
    for (const lang::Assignment& a : model.body.assignments)
      if (!a.annotations.empty() && a.name == name) param = &a;
    std::string text;
    if (!param || !StoredText(stored, text)) continue;
    std::string expr;
    switch (TypeOf(param->value.get())) {
      case ParamType::Number: expr = NumberText(text); break;
      case ParamType::Bool: {
        std::string t = Trim(text);
        if (t == "true" || t == "1") expr = "true";
        else if (t == "false" || t == "0") expr = "false";
        else {  // 2021.01 then applies nothing of the set, in these words
          out.defines.clear();
          out.echoLines.push_back("ERROR: Cannot apply Parameter Set 'conversion of data to type \"b\" failed'");
          return out;
        }
        break;
      }
      case ParamType::String: expr = StringLiteral(text); break;
      case ParamType::Vector: expr = VectorText(text); break;
      case ParamType::Other: break;
    }
    if (!expr.empty()) out.defines.emplace_back(name, expr);
  }
  return out;
}

}  // namespace mos::cli

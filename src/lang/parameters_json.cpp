#include "lang/parameters_json.h"

#include <cmath>
#include <cstdio>

namespace mos::lang {

namespace {

constexpr int kMaxDepth = 50;  // literals in annotations are shallow

std::string Number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// A literal expression as JSON ("" when it is not one).
std::string Json(const Expr* e, int depth = 0) {
  if (!e || depth > kMaxDepth) return "";
  switch (e->kind) {
    case ExprKind::Literal: {
      const auto& l = static_cast<const LiteralExpr&>(*e);
      switch (l.type) {
        case LiteralExpr::Type::Bool: return l.boolValue ? "true" : "false";
        case LiteralExpr::Type::Number: return Number(l.number);
        case LiteralExpr::Type::String: return JsonString(l.string);
        case LiteralExpr::Type::Undef: return "null";
      }
      return "";
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(*e);
      const Expr* x = u.operand.get();
      if (u.op == UnaryOp::Negate && x && x->kind == ExprKind::Literal &&
          static_cast<const LiteralExpr&>(*x).type == LiteralExpr::Type::Number)
        return Number(-static_cast<const LiteralExpr&>(*x).number);
      return u.op == UnaryOp::Plus ? Json(x, depth + 1) : "";
    }
    case ExprKind::Vector: {
      std::string out = "[";
      const auto& v = static_cast<const VectorExpr&>(*e);
      for (size_t i = 0; i < v.elements.size(); ++i) {
        std::string item = Json(v.elements[i].get(), depth + 1);
        out += (i ? ", " : "") + (item.empty() ? std::string("null") : item);
      }
      return out + "]";
    }
    default:
      return "";
  }
}

const char* TypeName(const std::string& json) {
  if (json.empty()) return "";
  if (json[0] == '"') return "string";
  if (json[0] == '[') return "vector";
  if (json == "true" || json == "false") return "boolean";
  if (json == "null") return "";
  return "number";
}

// min/max/step or options from the `// [...]` annotation.
std::string Widget(const Expr* a) {
  if (!a) return "";
  if (a->kind == ExprKind::Range) {
    const auto& r = static_cast<const RangeExpr&>(*a);
    std::string out = ",\n      \"min\": " + Json(r.begin.get()) + ",\n      \"max\": " + Json(r.end.get());
    if (r.step) out += ",\n      \"step\": " + Json(r.step.get());
    return out;
  }
  if (a->kind == ExprKind::Vector) {
    const auto& v = static_cast<const VectorExpr&>(*a);
    if (v.elements.empty()) return "";
    if (v.elements.size() == 1 && std::string(TypeName(Json(v.elements[0].get()))) == "number")
      return ",\n      \"min\": 0,\n      \"max\": " + Json(v.elements[0].get());
    std::string out = ",\n      \"options\": [";
    for (size_t i = 0; i < v.elements.size(); ++i) {
      const Expr* item = v.elements[i].get();
      std::string value = Json(item), label = value;
      if (item && item->kind == ExprKind::Vector) {  // [value:label]
        const auto& pair = static_cast<const VectorExpr&>(*item);
        if (pair.elements.size() == 2) {
          value = Json(pair.elements[0].get());
          label = Json(pair.elements[1].get());
          if (!label.empty() && label[0] != '"') label = JsonString(label);
        }
      } else if (!label.empty() && label[0] != '"') {
        label = JsonString(label);
      }
      out += std::string(i ? ", " : "") + "{\"name\": " + (label.empty() ? "null" : label) +
             ", \"value\": " + (value.empty() ? "null" : value) + "}";
    }
    return out + "]";
  }
  std::string step = Json(a);
  if (std::string(TypeName(step)) == "number") return ",\n      \"step\": " + step;
  return "";
}

}  // namespace

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else out += c;
  }
  return out + "\"";
}

std::string ParametersJson(const File& file) {
  std::string out = "{\n  \"parameters\": [";
  bool first = true;
  for (const Assignment& a : file.body.assignments) {
    if (a.annotations.empty()) continue;
    std::string initial = Json(a.value.get());
    const char* type = TypeName(initial);
    if (!*type) continue;
    std::string group, caption;
    const Expr* annotation = nullptr;
    for (const Annotation& an : a.annotations) {
      std::string v = Json(an.value.get());
      if (an.name == "Group") group = v;
      else if (an.name == "Description") caption = v;
      else if (an.name == "Parameter") annotation = an.value.get();
    }
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\n      \"name\": " + JsonString(a.name) + ",\n      \"type\": \"" + type + "\",\n      \"initial\": " +
           initial + ",\n      \"caption\": " + (caption.empty() ? "\"\"" : caption) +
           ",\n      \"group\": " + (group.empty() ? "\"\"" : group) + ",\n      \"line\": " +
           std::to_string(a.span.line) + Widget(annotation) + "\n    }";
  }
  out += first ? "],\n" : "\n  ],\n";
  return out + "  \"fileFormatVersion\": \"1\"\n}\n";
}

}  // namespace mos::lang

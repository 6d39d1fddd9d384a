// Transform and operation modules: translate, rotate, scale, mirror,
// multmatrix (all become multmatrix nodes), resize, color, offset,
// linear_extrude, rotate_extrude, projection.
#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdio>

#include "eval/builtin_functions_internal.h"
#include "eval/builtin_modules.h"

namespace mos::eval {
namespace {

using lang::InstantiationStatement;


// Product of the rotation parts (3x3) of two matrices.
Matrix4 Multiply3(const Matrix4& a, const Matrix4& b) {
  Matrix4 m = IdentityMatrix();
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      m[i][j] = 0;
      for (int k = 0; k < 3; ++k) m[i][j] += a[i][k] * b[k][j];
    }
  return m;
}

// Rotation by `deg` degrees about the axis (x, y, z) of any nonzero length,
// rounded as 2021.01 rounds it (checked on 341 rotations, e.g.
// rotate(120, [1, 1, 1]) permutes the axes exactly): the axis is not normalised; its squared
// length m divides (1 - cos) and its length only sin.
Matrix4 AxisRotation(double x, double y, double z, double deg) {
  const double c = builtins::CosDegrees(deg), s = builtins::SinDegrees(deg);
  const double m = x * x + y * y + z * z;
  const double k = (1 - c) / m, q = s / std::sqrt(m);
  const double cx = x * k, cy = y * k, cz = z * k;  // axis * (1 - cos) / m
  const double sx = x * q, sy = y * q, sz = z * q;  // axis * sin / |axis|
  Matrix4 m4 = IdentityMatrix();
  m4[0][0] = x * cx + c;  m4[0][1] = y * cx - sz; m4[0][2] = z * cx + sy;
  m4[1][0] = x * cy + sz; m4[1][1] = y * cy + c;  m4[1][2] = z * cy - sx;
  m4[2][0] = x * cz - sy; m4[2][1] = y * cz + sx; m4[2][2] = z * cz + c;
  return m4;
}

// [x, y] or [x, y, z] of numbers (z = `z2` for two).
bool Vec3Or2(const Value& v, double z2, double& x, double& y, double& z) {
  if (!v.IsVector()) return false;
  const auto& e = v.AsVector();
  if (e.size() != 2 && e.size() != 3) return false;
  for (const auto& c : e)
    if (!c.IsNumber() || !std::isfinite(c.AsNumber())) return false;
  x = e[0].AsNumber();
  y = e[1].AsNumber();
  z = e.size() == 3 ? e[2].AsNumber() : z2;
  return true;
}

void PushTransform(ModuleArgs& a, const Matrix4& m, std::vector<NodePtr>& out) {
  a.PushWithChildren(NodeKind::Transform, TransformParams{m}, out);
}

void Translate(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
               std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"v"}, 1);
  Matrix4 m = IdentityMatrix();
  double x, y, z;
  if (Vec3Or2(a["v"], 0, x, y, z)) {
    m[0][3] = x;
    m[1][3] = y;
    m[2][3] = z;
  } else {
    in.Warning("Unable to convert translate(" + a["v"].ToEchoString() +
                   ") parameter to a vec3 or vec2 of numbers",
               inst.span);
  }
  PushTransform(a, m, out);
}

void Scale(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
           std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"v"}, 1);
  Matrix4 m = IdentityMatrix();
  const Value& v = a["v"];
  double x, y, z;
  // The scale matrix times the identity, as 2021.01 computes it: an
  // infinite or nan factor spreads nan over its row (inf * 0).
  auto apply = [&](double sx, double sy, double sz) {
    double s[3] = {sx, sy, sz};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) m[i][j] = s[i] * (i == j ? 1.0 : 0.0);
  };
  if (v.IsNumber()) {
    apply(v.AsNumber(), v.AsNumber(), v.AsNumber());
  } else if (Vec3Or2(v, 1, x, y, z)) {
    apply(x, y, z);
  } else {
    in.Warning("Unable to convert scale(" + v.ToEchoString() +
                   ") parameter to a number, a vec3 or vec2 of numbers or a number",
               inst.span);
  }
  PushTransform(a, m, out);
}

void Rotate(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"a", "v"}, 2);
  Matrix4 m = IdentityMatrix();
  const Value& av = a["a"];
  const Value& vv = a["v"];
  if (av.IsVector()) {
    double r[3] = {0, 0, 0};
    bool ok = av.AsVector().size() <= 3;
    for (size_t i = 0; i < av.AsVector().size() && i < 3; ++i) {
      if (av.AsVector()[i].IsNumber()) r[i] = av.AsVector()[i].AsNumber();
      if (!av.AsVector()[i].IsNumber() || !std::isfinite(r[i])) ok = false;
    }
    if (!ok)
      in.Warning("Problem converting rotate(a=" + av.ToEchoString() +
                     (vv.IsUndef() ? "" : ", v=" + vv.ToEchoString()) + ") parameter",
                 inst.span);
    Matrix4 rx = AxisRotation(1, 0, 0, r[0]);
    Matrix4 ry = AxisRotation(0, 1, 0, r[1]);
    Matrix4 rz = AxisRotation(0, 0, 1, r[2]);
    m = Multiply3(rz, Multiply3(ry, rx));
    if (!vv.IsUndef() && ok)
      in.Warning("When parameter a is supplied as vector, v is ignored rotate(a=" +
                     av.ToEchoString() + ", v=" + vv.ToEchoString() + ")",
                 inst.span);
  } else if (av.IsNumber()) {
    bool finite = std::isfinite(av.AsNumber());
    if (!finite)
      in.Warning("Problem converting rotate(a=" + av.ToEchoString() + ") parameter", inst.span);
    double x = 0, y = 0, z = finite ? 1 : 0;  // 2021.01: no rotation then
    if (!vv.IsUndef()) {
      if (!Vec3Or2(vv, 0, x, y, z)) {
        x = 0, y = 0, z = 1;
        in.Warning("Problem converting rotate(..., v=" + vv.ToEchoString() + ") parameter",
                   inst.span);
      }
    }
    if (x * x + y * y + z * z > 0) m = AxisRotation(x, y, z, av.AsNumber());
  } else {
    in.Warning("Problem converting rotate(a=" + av.ToEchoString() +
                   (vv.IsUndef() || av.IsUndef() ? "" : ", v=" + vv.ToEchoString()) +
                   ") parameter",
               inst.span);
  }
  PushTransform(a, m, out);
}

void Mirror(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"v"}, 1);
  double x = 1, y = 0, z = 0;
  if (!Vec3Or2(a["v"], 0, x, y, z)) {
    in.Warning("Unable to convert mirror(" + a["v"].ToEchoString() +
                   ") parameter to a vec3 or vec2 of numbers",
               inst.span);
    x = 1, y = 0, z = 0;
  }
  Matrix4 m = IdentityMatrix();
  double len2 = x * x + y * y + z * z;
  if (len2 > 0) {
    double n[3] = {x, y, z};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) m[i][j] = (i == j ? 1 : 0) - 2 * n[i] * n[j] / len2;
  }
  PushTransform(a, m, out);
}

void MultMatrix(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
                std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"m"}, 1);
  Matrix4 m = IdentityMatrix();
  const Value& v = a["m"];
  if (v.IsVector()) {
    for (size_t i = 0; i < 4 && i < v.AsVector().size(); ++i) {
      const Value& row = v.AsVector()[i];
      if (!row.IsVector()) continue;
      for (size_t j = 0; j < 4 && j < row.AsVector().size(); ++j)
        if (row.AsVector()[j].IsNumber()) m[i][j] = row.AsVector()[j].AsNumber();
    }
  }
  // 2021.01 divides a projective matrix by its m[3][3].
  if (m[3][3] != 1 && m[3][3] != 0 && std::isfinite(m[3][3])) {
    double w = m[3][3];
    for (auto& row : m)
      for (double& c : row) c /= w;
  }
  PushTransform(a, m, out);
}

void Resize(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"newsize", "auto", "convexity"}, 3);
  ResizeParams p;
  const Value& ns = a["newsize"];
  if (ns.IsVector())
    for (size_t i = 0; i < 3 && i < ns.AsVector().size(); ++i)
      p.newSize[i] = ToNumber(ns.AsVector()[i], 0);
  const Value& au = a["auto"];
  if (au.IsBool()) {
    p.autoSize.fill(au.AsBool());
  } else if (au.IsVector()) {
    for (size_t i = 0; i < 3 && i < au.AsVector().size(); ++i)
      p.autoSize[i] = au.AsVector()[i].ToBool();
  }
  p.convexity = ToInt(a["convexity"], 0);
  a.PushWithChildren(NodeKind::Resize, p, out);
}

std::string OneDecimal(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

void Color(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
           std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"c", "alpha"}, 2);
  ColorParams p;
  const Value& c = a["c"];
  if (c.IsVector()) {
    const auto& v = c.AsVector();
    if (v.size() == 3 || v.size() == 4) {
      for (size_t i = 0; i < v.size(); ++i) {
        p.rgba[i] = ToNumber(v[i], -1);
        if (v[i].IsNumber() && (p.rgba[i] < 0 || p.rgba[i] > 1))
          in.Warning("color() expects numbers between 0.0 and 1.0. Value of " +
                         OneDecimal(p.rgba[i]) + " is out of range",
                     inst.span);
      }
    }
  } else if (c.IsString()) {
    if (!ParseColorString(c.AsString(), p.rgba)) {
      p.rgba = {-1, -1, -1, 1};
      std::string lower = c.AsString();  // 2021.01 reports the name lowercased
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      in.log().Warning("Unable to parse color \"" + lower + "\"" + in.log().LocationSuffixFromMain(inst.span) +
                           "\nPlease see https://en.wikipedia.org/wiki/Web_colors",
                       inst.span);
    }
  }
  if (a["alpha"].IsNumber()) p.rgba[3] = a["alpha"].AsNumber();
  for (double& c : p.rgba) c = static_cast<float>(c);  // 2021.01 keeps colours as floats
  a.PushWithChildren(NodeKind::Color, p, out);
}

void Offset(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
            std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"r", "delta", "chamfer"}, 1);
  OffsetParams p;
  p.fragments = a.GetFragments();
  if (a["r"].IsNumber()) {
    p.value = a["r"].AsNumber();
  } else if (a["delta"].IsNumber()) {
    p.mode = OffsetParams::Mode::Delta;
    p.value = a["delta"].AsNumber();
    p.chamfer = ToBoolStrict(a["chamfer"], false);
  }
  a.PushWithChildren(NodeKind::Offset, p, out);
}

void LinearExtrude(Interpreter& in, const InstantiationStatement& inst,
                   const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx,
               {"file", "layer", "height", "origin", "scale", "center", "twist", "slices",
                "convexity"},
               8);
  LinearExtrudeParams p;
  p.fragments = a.GetFragments();
  if (a["file"].IsString()) p.file = ReadExtrudeFile(a, "linear_extrude");
  else ReadOrigin(a, "linear_extrude");
  auto finite = [](const Value& v) { return v.IsNumber() && std::isfinite(v.AsNumber()); };
  // 2021.01 checks scale (a number or [x, y]) only when origin is given.
  if (!a["origin"].IsUndef()) {
    const Value& s = a["scale"];
    double sx, sy;
    if (!finite(s) && !(s.GetVec2(sx, sy) && std::isfinite(sx) && std::isfinite(sy)))
      in.Warning("linear_extrude(..., scale=" + s.ToEchoString() + ") could not be converted",
                 inst.span);
  }
  // 2021.01: a first unnamed number is the height.
  // Non-finite numbers count as absent; negative height and scale become 0.
  if (!a.positional().empty() && finite(a.positional()[0]))
    p.height = a.positional()[0].AsNumber();
  if (finite(a["height"])) p.height = a["height"].AsNumber();
  if (p.height < 0) p.height = 0;
  p.convexity = std::max(1, ToInt(a["convexity"], 1));
  p.center = ToBoolStrict(a["center"], false);
  if (finite(a["twist"])) {
    p.twist = a["twist"].AsNumber();
    p.hasTwist = p.twist != 0;
  }
  if (finite(a["slices"])) {
    p.slices = ToInt(a["slices"], 1);
    p.hasSlices = true;
  }
  const Value& s = a["scale"];
  double x, y;
  if (finite(s)) p.scale = {s.AsNumber(), s.AsNumber()};
  else if (s.GetVec2(x, y) && std::isfinite(x) && std::isfinite(y)) p.scale = {x, y};

  for (double& c : p.scale)
    if (c < 0) c = 0;
  if (p.file.present) out.push_back(MakeNode(NodeKind::LinearExtrude, p, inst));
  else a.PushWithChildren(NodeKind::LinearExtrude, p, out);
}

void RotateExtrude(Interpreter& in, const InstantiationStatement& inst,
                   const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"file", "layer", "origin", "scale", "convexity", "angle"}, 6);
  RotateExtrudeParams p;
  p.fragments = a.GetFragments();
  p.file = ReadExtrudeFile(a, "rotate_extrude");
  if (!p.file.present) ReadOrigin(a, "rotate_extrude");
  p.convexity = std::max(1, ToInt(a["convexity"], 2));
  p.angle = ToNumber(a["angle"], 360);
  if (!(p.angle <= 360 && p.angle > -360)) p.angle = 360;
  if (p.file.present) out.push_back(MakeNode(NodeKind::RotateExtrude, p, inst));
  else a.PushWithChildren(NodeKind::RotateExtrude, p, out);
}

void Projection(Interpreter& in, const InstantiationStatement& inst, const ConstContextPtr& ctx,
                std::vector<NodePtr>& out) {
  ModuleArgs a(in, inst, ctx, {"cut", "convexity"}, 2);
  ProjectionParams p;
  p.cut = ToBoolStrict(a["cut"], false);
  p.convexity = ToInt(a["convexity"], 0);
  a.PushWithChildren(NodeKind::Projection, p, out);
}

// dxf_linear_extrude(), dxf_rotate_extrude(): deprecated spellings.
void DxfLinearExtrude(Interpreter& in, const InstantiationStatement& inst,
                      const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  in.log().Deprecated("The dxf_linear_extrude() module will be removed in future releases. Use "
                      "linear_extrude() instead." + in.log().LocationSuffixFromMain(inst.span),
                      inst.span);
  LinearExtrude(in, inst, ctx, out);
}
void DxfRotateExtrude(Interpreter& in, const InstantiationStatement& inst,
                      const ConstContextPtr& ctx, std::vector<NodePtr>& out) {
  in.log().Deprecated("The dxf_rotate_extrude() module will be removed in future releases. Use "
                      "rotate_extrude() instead." + in.log().LocationSuffixFromMain(inst.span),
                      inst.span);
  RotateExtrude(in, inst, ctx, out);
}

}  // namespace

const std::vector<BuiltinModule>& TransformModules() {
  static const std::vector<BuiltinModule> modules = {
      {"translate", Translate},   {"rotate", Rotate},
      {"scale", Scale},           {"mirror", Mirror},
      {"multmatrix", MultMatrix}, {"resize", Resize},
      {"color", Color},           {"offset", Offset},
      {"linear_extrude", LinearExtrude}, {"rotate_extrude", RotateExtrude},
      {"projection", Projection},
      {"dxf_linear_extrude", DxfLinearExtrude}, {"dxf_rotate_extrude", DxfRotateExtrude},
  };
  return modules;
}

}  // namespace mos::eval

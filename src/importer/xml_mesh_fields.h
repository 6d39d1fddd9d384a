// Vertices and triangles of the XML mesh formats: 3MF writes a vertex's x/y/z
// and a triangle's v1/v2/v3 as attributes, AMF as child elements; both check
// the numbers and indices the same way.
#pragma once

#include <string>
#include <string_view>

#include "importer/mesh_data.h"
#include "importer/xml_document.h"

namespace mos::importer {

// Reads the field `name` of an element: an attribute or a child's text
// (empty when absent, which the number parsers refuse).
using XmlFieldReader = std::string_view (*)(const XmlNode& node, const char* name);
std::string_view XmlAttributeField(const XmlNode& node, const char* name);
std::string_view XmlChildTextField(const XmlNode& node, const char* name);

// Appends the point x/y/z of `node` to mesh.points; false with an error
// ("vertex N has no valid y") when one is missing or not a finite number.
bool AppendXmlVertex(const XmlNode& node, XmlFieldReader field, MeshData& mesh, std::string& error);

// Appends the face v1/v2/v3 of `node` to mesh.faces; false with an error when
// an index is missing or outside mesh.points.
bool AppendXmlTriangle(const XmlNode& node, XmlFieldReader field, MeshData& mesh,
                       std::string& error);

}  // namespace mos::importer

// Strict number parsing for XML attribute and element text (AMF, 3MF):
// the whole text, surrounding whitespace aside, must be one finite number.
#pragma once

#include <string_view>

namespace mos::importer {

bool ParseXmlDouble(std::string_view text, double& value);
bool ParseXmlIndex(std::string_view text, long long& value);

}  // namespace mos::importer

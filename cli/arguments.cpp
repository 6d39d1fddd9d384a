#include "arguments.h"

namespace mos::cli {

namespace {

// "-Dx=1", "-D x=1" and "--D=x=1" style values: the text after the flag.
bool TakeValue(const std::vector<std::string>& argv, size_t& i, const std::string& flag,
               std::string& value, std::string& error) {
  const std::string& arg = argv[i];
  if (arg == flag) {
    if (i + 1 >= argv.size()) {
      error = "option " + flag + " needs a value";
      return false;
    }
    value = argv[++i];
    return true;
  }
  value = arg.substr(flag.size());
  if (!value.empty() && value[0] == '=' && flag.size() > 2) value.erase(0, 1);
  return true;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

ParsedArguments ParseArguments(const std::vector<std::string>& argv) {
  ParsedArguments parsed;
  Arguments& a = parsed.arguments;
  std::string& error = parsed.error;
  for (size_t i = 0; i < argv.size() && error.empty(); ++i) {
    const std::string& arg = argv[i];
    std::string value;
    if (arg == "-h" || arg == "--help") {
      a.help = true;
    } else if (arg == "-v" || arg == "--version") {
      a.version = true;
    } else if (StartsWith(arg, "-o")) {
      if (TakeValue(argv, i, "-o", value, error)) a.outputs.push_back(value);
    } else if (StartsWith(arg, "-D")) {
      if (!TakeValue(argv, i, "-D", value, error)) break;
      size_t eq = value.find('=');
      if (eq == std::string::npos || eq == 0) {
        error = "-D expects name=value, got '" + value + "'";
      } else {
        a.defines.emplace_back(value.substr(0, eq), value.substr(eq + 1));
      }
    } else if (StartsWith(arg, "-L")) {
      if (TakeValue(argv, i, "-L", value, error)) {
        if (value.empty()) error = "-L expects a directory";
        else a.libraryPaths.push_back(value);
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      error = "unknown option '" + arg + "'";
    } else if (!a.input.empty()) {
      error = "only one input file may be given (got '" + a.input + "' and '" + arg + "')";
    } else {
      a.input = arg;
    }
  }
  if (error.empty() && !a.help && !a.version && a.input.empty()) {
    error = "no input file given";
  }
  return parsed;
}

std::string UsageText() {
  return "Usage: mos [options] file.scad\n"
         "\n"
         "Evaluates an OpenSCAD 2021.01 model.\n"
         "\n"
         "Options:\n"
         "  -o FILE       write FILE; the format follows the extension:\n"
         "                  .echo  ECHO/WARNING/ERROR output\n"
         "                  .csg   the node tree (CSG tree) dump\n"
         "                  .ast   the parsed program, printed as 2021.01 prints it\n"
         "                  .stl   the solid, ASCII STL as 2021.01 writes it\n"
         "                  .off   the solid, OFF with per-face colours\n"
         "                (.obj .3mf .amf .dxf .svg .png are not available yet).\n"
         "                May be repeated.\n"
         "  -D NAME=EXPR  override a top-level variable (repeatable)\n"
         "  -L DIR        add a library directory for include/use (repeatable;\n"
         "                searched after OPENSCADPATH)\n"
         "  -h, --help    show this help\n"
         "  -v, --version show the version\n"
         "\n"
         "Without -o the echo output goes to stderr.\n"
         "Exit status: 0 on success (assertion failures included, as in\n"
         "OpenSCAD 2021.01), 1 when the model cannot be parsed or an output\n"
         "cannot be written or is not available, 2 on a bad command line.\n";
}

std::string VersionText() {
  return std::string("mos ") + MOS_VERSION + " (OpenSCAD 2021.01 language)\n";
}

}  // namespace mos::cli

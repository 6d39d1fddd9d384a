#include "arguments.h"

#include <cstdlib>

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
    } else if (arg == "--info") {
      a.info = true;
    } else if (arg == "--threads" || StartsWith(arg, "--threads=")) {
      if (TakeValue(argv, i, "--threads", value, error)) {
        char* end = nullptr;
        const long n = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || n < 0 || n > 1024)
          error = "--threads expects a number from 0 to 1024, got '" + value + "'";
        else
          a.threads = static_cast<int>(n);
      }
    } else if (arg == "--export-format" || StartsWith(arg, "--export-format=")) {
      if (arg == "--export-format") {
        if (i + 1 >= argv.size()) error = "option --export-format needs a value";
        else a.exportFormat = argv[++i];
      } else {
        a.exportFormat = arg.substr(16);
      }
      if (error.empty() && a.exportFormat.empty()) error = "--export-format expects a format";
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
    } else if (StartsWith(arg, "-p")) {
      if (TakeValue(argv, i, "-p", value, error)) a.parameterFile = value;
    } else if (StartsWith(arg, "-P")) {
      if (TakeValue(argv, i, "-P", value, error)) a.parameterSet = value;
    } else if (StartsWith(arg, "-L")) {
      if (TakeValue(argv, i, "-L", value, error)) {
        if (value.empty()) error = "-L expects a directory";
        else a.libraryPaths.push_back(value);
      }
    } else if (arg == "--font-path" || StartsWith(arg, "--font-path=")) {
      if (arg == "--font-path") {
        if (i + 1 >= argv.size()) error = "option --font-path needs a value";
        else a.fontPaths.push_back(argv[++i]);
      } else {
        a.fontPaths.push_back(arg.substr(12));
      }
      if (error.empty() && a.fontPaths.back().empty()) error = "--font-path expects a path";
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
         "                  3D results:\n"
         "                  .stl   ASCII STL as 2021.01 writes it\n"
         "                  .off   OFF, with per-face colours\n"
         "                  .amf   AMF, with a colour per volume\n"
         "                  .3mf   3MF, with per-triangle colours\n"
         "                  .obj   Wavefront OBJ (no colours)\n"
         "                  2D results:\n"
         "                  .svg   SVG as 2021.01 writes it\n"
         "                  .dxf   DXF (LINE entities) as 2021.01 writes it\n"
         "                  .param the customizer parameters as JSON (mos only)\n"
         "                (.png .pdf .term .nef3 are not available).\n"
         "                May be repeated.\n"
         "  --export-format FMT\n"
         "                the format of every -o file, whatever its extension:\n"
         "                one of the extensions above, or asciistl, binstl\n"
         "  --info        render and print the result's measures on stdout, one\n"
         "                'key: value' line each, numbers with up to 10\n"
         "                significant digits:\n"
         "                  dimension: 3 | 2 | empty (nothing more when empty)\n"
         "                  volume: V                      (3D only)\n"
         "                  area: A          (3D: surface area; 2D: area)\n"
         "                  bbox: [x, y, z] [x, y, z]      (2D: [x, y] [x, y])\n"
         "                  vertices: N\n"
         "                  triangles: N                   (3D only)\n"
         "                  components: N                  (3D only)\n"
         "                  genus: N                       (3D only)\n"
         "  -D NAME=EXPR  override a top-level variable (repeatable)\n"
         "  -p FILE       customizer parameter sets (OpenSCAD 2021.01 JSON)\n"
         "  -P NAME       apply the set NAME of the -p file (after the -D overrides;\n"
         "                values typed like the parameters' defaults)\n"
         "  -L DIR        add a library directory for include/use (repeatable;\n"
         "                searched after OPENSCADPATH)\n"
         "  --font-path P a font file or directory for text() (repeatable;\n"
         "                OPENSCAD_FONT_PATH is read too)\n"
         "  --threads N   threads for independent parts of the model (default 0:\n"
         "                all cores; 1: one). The result is the same.\n"
         "  -h, --help    show this help\n"
         "  -v, --version show the version\n"
         "\n"
         "Without -o the echo output goes to stderr.\n"
         "`mos serve file.scad [--port N] [-L DIR]...` serves a live page with\n"
         "the viewer and customizer (see `mos serve --help`).\n"
         "Exit status: 0 on success (assertion failures included, as in\n"
         "OpenSCAD 2021.01), 1 when the model cannot be parsed or an output\n"
         "cannot be written or is not available, 2 on a bad command line.\n";
}

std::string VersionText() {
  return std::string("mos ") + MOS_VERSION + " (OpenSCAD 2021.01 language)\n";
}

}  // namespace mos::cli

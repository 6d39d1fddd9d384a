# `cmake --install` exports the library so another project can find_package(mos).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
# Installed and exported by the engine helper once the public library links.

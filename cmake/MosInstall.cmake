# `cmake --install` exports the library so another project can
#   find_package(mos REQUIRED)
#   target_link_libraries(app PRIVATE mos::mos)
# The stage libraries are static, so they are installed and exported too
# (mos::mos links them); only include/mos is public API.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(MOS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/mos")

target_include_directories(mos PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
# Consumers see the public target as mos::mos, like the in-tree alias.
set_target_properties(mos PROPERTIES EXPORT_NAME mos)

install(TARGETS mos mos_lang mos_importer mos_eval mos_kernel mos_geom mos_io
  EXPORT mosTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/mos"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET mos_cli)
  install(TARGETS mos_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # `mos serve`'s page files, where the installed binary looks for them
  # (<bin>/../share/mos/serve), when scripts/build_serve_assets.sh built them.
  install(DIRECTORY "${PROJECT_BINARY_DIR}/share/mos/serve" DESTINATION ${CMAKE_INSTALL_DATADIR}/mos OPTIONAL)
endif()

install(EXPORT mosTargets NAMESPACE mos:: DESTINATION ${MOS_INSTALL_CMAKEDIR})
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/mosConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/mosConfig.cmake"
  INSTALL_DESTINATION ${MOS_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/mosConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/mosConfig.cmake" "${PROJECT_BINARY_DIR}/mosConfigVersion.cmake"
  DESTINATION ${MOS_INSTALL_CMAKEDIR})

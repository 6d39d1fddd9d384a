# mos_add_library(NAME DIR DEPS...): a static library of every .cpp in DIR
# (the stage folders under src/), with the project's include roots.
function(mos_add_library name dir)
  file(GLOB sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  if(NOT sources)  # a stage not written yet: headers only
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
    if(ARGN)
      target_link_libraries(${name} INTERFACE ${ARGN})
    endif()
    return()
  endif()
  add_library(${name} STATIC ${sources})
  target_include_directories(${name}
    PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
      $<INSTALL_INTERFACE:include>)
  target_compile_options(${name} PRIVATE ${MOS_WARNINGS})
  target_compile_features(${name} PUBLIC cxx_std_20)
  if(ARGN)
    target_link_libraries(${name} PUBLIC ${ARGN})
  endif()
endfunction()

# mos_add_test_binary(NAME DIR DEPS...): one GoogleTest binary per stage from
# every *_test.cpp in DIR, registered with ctest.
function(mos_add_test_binary name dir)
  file(GLOB sources CONFIGURE_DEPENDS "${dir}/*_test.cpp")
  if(NOT sources)
    return()
  endif()
  add_executable(${name} ${sources})
  target_link_libraries(${name} PRIVATE ${ARGN} GTest::gtest GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${MOS_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    MOS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()

# The triangulator's libFuzzer target. include() this from tests/fuzz when
# MOS_BUILD_FUZZ is on (needs clang), or build by hand:
#   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
#     tests/fuzz/triangulate_fuzz.cpp src/kernel/triangulate*.cpp -o triangulate_fuzz
if(MOS_BUILD_FUZZ)
  file(GLOB MOS_TRIANGULATE_FUZZ_SOURCES ${PROJECT_SOURCE_DIR}/src/kernel/triangulate*.cpp)
  add_executable(triangulate_fuzz ${CMAKE_CURRENT_LIST_DIR}/triangulate_fuzz.cpp ${MOS_TRIANGULATE_FUZZ_SOURCES})
  target_include_directories(triangulate_fuzz PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(triangulate_fuzz PRIVATE -fsanitize=fuzzer,address,undefined -g -O1)
  target_link_options(triangulate_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
endif()

# The 2D booleans/offset target (same conventions).
if(MOS_BUILD_FUZZ)
  file(GLOB MOS_POLYGON2D_FUZZ_SOURCES ${PROJECT_SOURCE_DIR}/src/kernel/polygon2d*.cpp
       ${PROJECT_SOURCE_DIR}/src/kernel/offset2d*.cpp ${PROJECT_SOURCE_DIR}/src/kernel/grid_snap*.cpp)
  add_executable(polygon2d_fuzz ${CMAKE_CURRENT_LIST_DIR}/polygon2d_fuzz.cpp ${MOS_POLYGON2D_FUZZ_SOURCES})
  target_include_directories(polygon2d_fuzz PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(polygon2d_fuzz PRIVATE -fsanitize=fuzzer,address,undefined -g -O1)
  target_link_options(polygon2d_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
endif()

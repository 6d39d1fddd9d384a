// Finding include/use files as 2021.01 does: an absolute path as is, else
// relative to the including file's directory, then each library path in
// order. A file already open in the current include chain does not count
// (that is how 2021.01 breaks include cycles).
#pragma once

#include <string>
#include <vector>

namespace mos::lang {

// Absolute, lexically normalised form of `path` ("" stays "").
std::string NormalizePath(const std::string& path);
// Directory part of a normalised path.
std::string DirectoryOf(const std::string& path);
// `path` relative to `base` when that is shorter to read, as 2021.01 prints
// file names in messages; `path` itself if no relative form exists.
std::string RelativeTo(const std::string& path, const std::string& base);
// The working directory ("" if unknown).
std::string WorkingDirectory();

// The normalised path of the file `localPath` names, or "" if none exists.
// `openFiles` holds the candidate spellings ("<dir>/<localPath>", not
// normalised: 2021.01 compares those, so one file reached by different
// relative spellings is opened again) of the files in the include chain;
// `spelling` receives the spelling of the file found.
std::string FindValidPath(const std::string& sourceDir, const std::string& localPath,
                          const std::vector<std::string>& libraryPaths,
                          const std::vector<std::string>* openFiles,
                          std::string* spelling = nullptr);

// Reads a whole file; false if it cannot be read (or is larger than maxBytes).
bool ReadWholeFile(const std::string& path, std::string& out, size_t maxBytes);

}  // namespace mos::lang

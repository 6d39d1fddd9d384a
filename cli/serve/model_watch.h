// `mos serve`: watches the model file and every file it includes or uses by
// polling their modification times (portable; a few stat() calls every
// 200 ms), rescans the model when one changes, and wakes whoever waits for
// the next version (the Server-Sent Events streams).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model_files.h"

namespace mos::serve {

class ModelWatch {
 public:
  ModelWatch(std::string modelFile, std::vector<std::string> libraryPaths, int pollMs = 200);
  ~ModelWatch();
  void Start();
  // The /api/model JSON of the current version.
  std::string Json();
  long long Version();
  // Waits until the version is above `seen` or `timeoutMs` passed, or the
  // watch stops; returns the current version.
  long long WaitForChange(long long seen, int timeoutMs);
  const ServeRoots& roots() const { return roots_; }

 private:
  struct Stamp {
    std::string path;
    bool exists = false;
    long long mtimeNs = 0, size = 0, inode = 0;
    bool operator==(const Stamp& o) const {
      return exists == o.exists && mtimeNs == o.mtimeNs && size == o.size && inode == o.inode;
    }
  };
  static Stamp StampOf(const std::string& path);
  std::vector<Stamp> Stamps(const ModelFiles& files) const;
  void Loop();

  const std::string modelFile_;
  const std::vector<std::string> libraryPaths_;
  const int pollMs_;
  const ServeRoots roots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  ModelFiles files_;
  std::string json_;
  long long version_ = 1;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace mos::serve

#include "model_watch.h"

#include <sys/stat.h>

#include <chrono>

namespace mos::serve {

ModelWatch::ModelWatch(std::string modelFile, std::vector<std::string> libraryPaths, int pollMs)
    : modelFile_(std::move(modelFile)),
      libraryPaths_(std::move(libraryPaths)),
      pollMs_(pollMs),
      roots_(MakeRoots(modelFile_, libraryPaths_)) {
  files_ = ScanModel(modelFile_, libraryPaths_);
  json_ = ModelJson(modelFile_, roots_, files_, version_);
}

ModelWatch::~ModelWatch() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ModelWatch::Start() { thread_ = std::thread([this] { Loop(); }); }

std::string ModelWatch::Json() {
  std::lock_guard<std::mutex> lock(mutex_);
  return json_;
}

long long ModelWatch::Version() {
  std::lock_guard<std::mutex> lock(mutex_);
  return version_;
}

long long ModelWatch::WaitForChange(long long seen, int timeoutMs) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return stop_ || version_ > seen; });
  return version_;
}

ModelWatch::Stamp ModelWatch::StampOf(const std::string& path) {
  Stamp s;
  s.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.mtimeNs = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  s.size = static_cast<long long>(st.st_size);
  s.inode = static_cast<long long>(st.st_ino);
  return s;
}

std::vector<ModelWatch::Stamp> ModelWatch::Stamps(const ModelFiles& files) const {
  std::vector<Stamp> out;
  out.push_back(StampOf(modelFile_));  // the path as given: an editor may replace the file
  for (const std::string& f : files.files) out.push_back(StampOf(f));
  return out;
}

void ModelWatch::Loop() {
  ModelFiles files;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    files = files_;
  }
  std::vector<Stamp> stamps = Stamps(files);
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (changed_.wait_for(lock, std::chrono::milliseconds(pollMs_), [&] { return stop_; })) return;
    }
    std::vector<Stamp> now;
    for (const Stamp& s : stamps) now.push_back(StampOf(s.path));
    if (now == stamps) continue;
    // Changed: rescan (the include list may have changed too).
    files = ScanModel(modelFile_, libraryPaths_, &files);
    // The stamps seen before the scan where known, so a write during the
    // scan is noticed at the next poll.
    stamps = Stamps(files);
    for (Stamp& s : stamps)
      for (const Stamp& before : now)
        if (before.path == s.path) s = before;
    std::lock_guard<std::mutex> lock(mutex_);
    files_ = files;
    ++version_;
    json_ = ModelJson(modelFile_, roots_, files_, version_);
    changed_.notify_all();
  }
}

}  // namespace mos::serve

#include "file_walk.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "reader.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// A path waiting on the stack is kept as plain text: a whole tree's files can wait at once, and a
// std::filesystem::path also holds each of its components.
struct Work {
  fs::path::string_type path;
  std::size_t input = 0;
  std::optional<FileKind> forced;
  bool in_directory = false;
  bool directory = false;
};

class WorkStack {
 public:
  WorkStack(const std::function<void(FoundFile&&)>& handle) : handle_(handle) {}

  void push_input(fs::path path, std::size_t input, std::optional<FileKind> as) {
    std::error_code ec;
    const bool directory = fs::is_directory(path, ec);
    if (!directory) ++found_;
    // A directory as typed takes the system's separators, as find_config_files does.
    if (directory) path.make_preferred();
    (directory ? directories_ : files_).push_back({path.native(), input, directory ? std::nullopt : as, false, directory});
  }

  // Takes work until none is left and no other thread can make more.
  void work(const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<fs::path> subdirectories, files;
    for (;;) {
      Work item;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !empty() || busy_ == 0 || failure_; });
        if (empty() || failure_) return;
        // Directories before files: the whole tree is listed early, so the progress line has
        // its total, and both threads have files to read as soon as it is.
        std::vector<Work>& from = directories_.empty() ? files_ : directories_;
        item = std::move(from.back());
        from.pop_back();
        ++busy_;
      }
      std::size_t done = 0, found = 0;
      subdirectories.clear();
      files.clear();
      try {
        if (item.directory)
          list_config_directory(fs::path(std::move(item.path)), subdirectories, files);
        else
          handle_(FoundFile{fs::path(std::move(item.path)), item.input, item.forced, item.in_directory});
      } catch (...) {
        const std::scoped_lock lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      {
        const std::scoped_lock lock(mutex_);
        for (const fs::path& file : files) files_.push_back({file.native(), item.input, std::nullopt, true, false});
        for (const fs::path& dir : subdirectories) directories_.push_back({dir.native(), item.input, std::nullopt, true, true});
        found_ += files.size();
        if (!item.directory) ++done_;
        done = done_;
        found = found_;
        --busy_;
      }
      ready_.notify_all();
      if (progress && !item.directory) progress(done, found);
    }
  }

  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }
  std::size_t found() const { return found_; }

 private:
  const std::function<void(FoundFile&&)>& handle_;
  std::mutex mutex_;
  std::condition_variable ready_;
  bool empty() const { return directories_.empty() && files_.empty(); }

  std::vector<Work> directories_;  // stacks: the last pushed is taken first
  std::vector<Work> files_;
  std::size_t busy_ = 0;
  std::size_t done_ = 0;
  std::size_t found_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

void walk_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, unsigned jobs,
                const std::function<void(FoundFile&&)>& handle,
                const std::function<void(std::size_t, std::size_t)>& progress) {
  WorkStack stack(handle);
  // Reversed: the stack hands out the first path first.
  for (std::size_t i = paths.size(); i-- > 0;) stack.push_input(paths[i], i, as);
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < jobs; ++i) helpers.emplace_back([&] { stack.work({}); });
  stack.work(progress);
  for (std::thread& helper : helpers) helper.join();
  stack.rethrow();
  if (progress) progress(stack.found(), stack.found());
}

fs::path::string_type walk_order_key(fs::path::string_type path) {
  for (auto& c : path)
    if (c == '/' || c == fs::path::preferred_separator) c = 0;
  return path;
}

}  // namespace sessiontool

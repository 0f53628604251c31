#include "file_walk.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "path_text.hpp"
#include "reader.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;

// Paths waiting to be handled, as plain text: the names of one listing share one string, so a
// directory of thousands of deployments waits as a few bytes a name.
struct Batch {
  fs::path::string_type parent;  // the directory listed; empty for a path of the command line
  fs::path::string_type names;   // each followed by '\0'; taken from the back
  std::size_t input = 0;
  std::optional<FileKind> forced;
  bool directories = false;  // names of directories to list, else of files to handle
  bool in_directory = false;

  // The last name waiting, as a path, removed from the batch.
  fs::path take() {
    const std::size_t last = names.size() - 1;  // its '\0'
    const std::size_t before = last == 0 ? fs::path::string_type::npos : names.rfind(fs::path::value_type{0}, last - 1);
    const std::size_t begin = before == fs::path::string_type::npos ? 0 : before + 1;
    fs::path path(names.substr(begin, last - begin));
    names.resize(begin);
    return parent.empty() ? path : fs::path(parent) / path;
  }
};

void append_name(fs::path::string_type& names, const fs::path& path) {
  names += path.filename().native();
  names += fs::path::value_type{0};
}

// One stack of batches, depth first: the files of a directory are handled before its
// subdirectories are listed, so what waits is one listing per level of the tree, not the
// whole tree's files.
class WorkStack {
 public:
  WorkStack(const std::function<void(FoundFile&&)>& handle) : handle_(handle) {}

  void push_input(fs::path path, std::size_t input, std::optional<FileKind> as) {
    std::error_code ec;
    const bool directory = fs::is_directory(path, ec);
    if (!directory) ++found_;
    // A directory as typed takes the system's separators, as find_config_files does.
    if (directory) path.make_preferred();
    Batch batch{.input = input, .forced = directory ? std::nullopt : as, .directories = directory};
    batch.names = path.native();
    batch.names += fs::path::value_type{0};
    stack_.push_back(std::move(batch));
  }

  // Takes work until none is left and no other thread can make more.
  void work(const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<fs::path> subdirectories, files;
    for (;;) {
      fs::path path;
      Batch from;  // what the item came with, without its names
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !stack_.empty() || busy_ == 0 || failure_; });
        if (stack_.empty() || failure_) return;
        Batch& top = stack_.back();
        path = top.take();
        from = Batch{.input = top.input, .forced = top.forced, .directories = top.directories,
                     .in_directory = top.in_directory};
        if (top.names.empty()) stack_.pop_back();
        ++busy_;
      }
      std::size_t done = 0, found = 0;
      subdirectories.clear();
      files.clear();
      try {
        if (from.directories)
          list_config_directory(path, subdirectories, files);
        else
          handle_(FoundFile{std::move(path), from.input, from.forced, from.in_directory});
      } catch (...) {
        const std::scoped_lock lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      {
        const std::scoped_lock lock(mutex_);
        // Subdirectories below, files on top: the files are taken first.
        for (const std::vector<fs::path>* listed : {&subdirectories, &files}) {
          if (listed->empty()) continue;
          Batch batch{.parent = path.native(), .input = from.input,
                      .directories = listed == &subdirectories, .in_directory = true};
          // Reversed, so the batch hands its names out in listing order.
          for (auto it = listed->rbegin(); it != listed->rend(); ++it) append_name(batch.names, *it);
          stack_.push_back(std::move(batch));
        }
        found_ += files.size();
        if (!from.directories) ++done_;
        done = done_;
        found = found_;
        --busy_;
      }
      ready_.notify_all();
      if (progress && !from.directories) progress(done, found);
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
  std::vector<Batch> stack_;  // the last pushed is taken first
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

bool walk_order_before(const fs::path::string_type& a, const fs::path::string_type& b) {
  return path_text_before(a, b, [](fs::path::value_type c) {
    return c == '/' || c == fs::path::preferred_separator ? fs::path::value_type{0} : c;
  });
}

}  // namespace sessiontool

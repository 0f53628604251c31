#include "read/file_walk.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <queue>
#include <thread>

#include "text/path_text.hpp"
#include "read/reader.hpp"

namespace sessiontool {
namespace {

namespace fs = std::filesystem;
using Text = fs::path::string_type;

// One directory's listing, in output order: names in one string, a directory's with a '/' after
// it, which is where its files come in the order of paths ("a-b/x" < "a.json" < "a/x").
struct Listing {
  Text parent;
  Text names;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;  // offset and size in `names`; taken from the back
};

// The files of one path of the command line, one at a time in output order.
class InputWalk {
 public:
  InputWalk(fs::path path, std::size_t input, std::optional<FileKind> as) : input_(input) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      // A directory as typed takes the system's separators, as find_config_files does.
      enter(path.make_preferred());
      advance();
    } else {
      head_ = FoundFile{.path = std::move(path), .input = input, .forced = as};
    }
  }

  const FoundFile* head() const { return head_ ? &*head_ : nullptr; }
  FoundFile take() {
    FoundFile file = std::move(*head_);
    advance();
    return file;
  }

 private:
  void enter(const fs::path& dir) {
    Listing& listing = levels_.emplace_back();
    listing.parent = dir.native();
    list_config_directory(dir, [&](const fs::path& entry, bool directory) {
      const fs::path filename = entry.filename();
      const Text& name = filename.native();
      listing.entries.emplace_back(static_cast<std::uint32_t>(listing.names.size()),
                                   static_cast<std::uint32_t>(name.size() + (directory ? 1 : 0)));
      listing.names += name;
      if (directory) listing.names += fs::path::value_type{'/'};
    });
    const auto key = [&](const std::pair<std::uint32_t, std::uint32_t>& entry) {
      return PathText(listing.names).substr(entry.first, entry.second);
    };
    // Descending, so the first comes off the back.
    std::ranges::sort(listing.entries, [](PathText a, PathText b) { return path_before(b, a); }, key);
  }

  void advance() {
    head_.reset();
    while (!head_ && !levels_.empty()) {
      Listing& top = levels_.back();
      if (top.entries.empty()) {
        levels_.pop_back();
        continue;
      }
      const auto [offset, size] = top.entries.back();
      top.entries.pop_back();
      PathText name = PathText(top.names).substr(offset, size);
      const bool directory = name.back() == '/';
      if (directory) name.remove_suffix(1);
      fs::path path = fs::path(top.parent) / fs::path(Text(name));
      if (directory)
        enter(path);
      else
        head_ = FoundFile{.path = std::move(path), .input = input_, .in_directory = true};
    }
  }

  std::size_t input_;
  std::vector<Listing> levels_;  // the directories being walked, innermost last
  std::optional<FoundFile> head_;
};

// Every input's files merged into one stream in output order: a file named twice comes twice.
class MergedWalk {
 public:
  MergedWalk(const std::vector<fs::path>& paths, std::optional<FileKind> as) {
    walks_.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      walks_.emplace_back(paths[i], i, as);
      if (walks_.back().head()) heads_.push(i);
    }
  }

  std::optional<FoundFile> next() {
    if (heads_.empty()) return std::nullopt;
    const std::size_t i = heads_.top();
    heads_.pop();
    FoundFile file = walks_[i].take();
    if (walks_[i].head()) heads_.push(i);
    return file;
  }

 private:
  // The walk whose next file comes first on top; of two with the same path, the earlier input.
  struct Later {
    const std::vector<InputWalk>* walks;
    bool operator()(std::size_t a, std::size_t b) const {
      const Text& pa = (*walks)[a].head()->path.native();
      const Text& pb = (*walks)[b].head()->path.native();
      if (path_before(pa, pb)) return false;
      if (path_before(pb, pa)) return true;
      return a > b;
    }
  };
  std::vector<InputWalk> walks_;
  std::priority_queue<std::size_t, std::vector<std::size_t>, Later> heads_{Later{&walks_}};
};

// Files found and not yet handled, with their places; the walk stays a little ahead of the
// threads handling them.
class WorkQueue {
 public:
  WorkQueue(const std::vector<fs::path>& paths, std::optional<FileKind> as,
            const std::function<void(FoundFile&&, std::size_t)>& handle)
      : walk_(paths, as), handle_(handle) {}

  // The calling thread: finds files, and handles one whenever enough are waiting.
  void find_and_work(unsigned jobs, const std::function<void(std::size_t, std::size_t)>& progress) {
    const std::size_t ahead = 8 * std::size_t{jobs};
    for (;;) {
      std::unique_lock lock(mutex_);
      if (failure_) break;
      if (!found_all_ && waiting_.size() < ahead) {
        lock.unlock();
        std::optional<FoundFile> file;
        std::exception_ptr failure;
        try {
          file = walk_.next();  // lists directories, outside the lock
        } catch (...) {
          failure = std::current_exception();
        }
        lock.lock();
        if (failure) {
          if (!failure_) failure_ = failure;
          break;
        }
        if (file)
          waiting_.emplace_back(std::move(*file), found_++);
        else
          found_all_ = true;
        ready_.notify_one();
        continue;
      }
      if (waiting_.empty()) break;  // every file found, and taken
      handle_one(lock);
      const std::size_t done = done_, found = found_;
      lock.unlock();
      if (progress) progress(done, found);
    }
    const std::scoped_lock lock(mutex_);
    found_all_ = true;  // on failure too: the helpers stop
    ready_.notify_all();
  }

  // A helper thread: handles files until every one is handled.
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [&] { return !waiting_.empty() || found_all_ || failure_; });
      if (failure_ || waiting_.empty()) return;
      handle_one(lock);
    }
  }

  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }
  std::size_t found() const { return found_; }

 private:
  // Takes the oldest waiting file and handles it outside the lock.
  void handle_one(std::unique_lock<std::mutex>& lock) {
    auto [file, place] = std::move(waiting_.front());
    waiting_.pop_front();
    lock.unlock();
    std::exception_ptr failure;
    try {
      handle_(std::move(file), place);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    ++done_;
    if (failure && !failure_) failure_ = failure;
    if (failure) ready_.notify_all();
  }

  MergedWalk walk_;  // only the calling thread uses it
  const std::function<void(FoundFile&&, std::size_t)>& handle_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::pair<FoundFile, std::size_t>> waiting_;
  bool found_all_ = false;
  std::size_t found_ = 0;
  std::size_t done_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

void walk_files(const std::vector<fs::path>& paths, std::optional<FileKind> as, unsigned jobs,
                const std::function<void(FoundFile&&, std::size_t)>& handle,
                const std::function<void(std::size_t, std::size_t)>& progress) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  WorkQueue queue(paths, as, handle);
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < jobs; ++i) helpers.emplace_back([&] { queue.work(); });
  queue.find_and_work(jobs, progress);
  for (std::thread& helper : helpers) helper.join();
  queue.rethrow();
  if (progress) progress(queue.found(), queue.found());
}

}  // namespace sessiontool

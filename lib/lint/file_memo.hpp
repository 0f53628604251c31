#pragma once
// What lint kept of the files of one tree, for reading a second tree that shares most of them:
// `diff OLD NEW` over a pull request, where nearly every file is byte-identical on both sides.
// A file of the second tree at the same place under its root, with the same bytes and the same
// platform evidence in its path, gets the first tree's record (its session values and its own
// findings, which depend on nothing else) without being parsed and checked again. The bytes are
// compared in full with the first tree's file, never trusted to a hash (a pull request could be
// made to collide with one and hide a change).

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "lint/file_record.hpp"

namespace sessiontool {

class FileMemo {
 public:
  // The tree being recorded, then the tree that may reuse: files are known by their place under it.
  // With no root (the same tree read twice), by their path.
  void set_root(std::filesystem::path root);

  // Keeps a checked file's record (a readable file only), with the length of its bytes.
  void record(const std::filesystem::path& path, std::size_t size, std::optional<FileKind> forced,
              const FileRecord& record);
  // The record a file of the first tree left for this one, when they are the same; its path is this one's.
  std::optional<FileRecord> reuse(const std::filesystem::path& path, std::optional<FileKind> forced) const;

 private:
  struct Kept {
    std::filesystem::path path;  // in the first tree
    std::size_t size = 0;
    std::optional<FileKind> forced;
    FileRecord record;
  };
  std::string place(const std::filesystem::path& path) const;

  std::filesystem::path root_;
  bool root_is_directory_ = false;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace sessiontool

#pragma once
// Where a report goes: straight to a stream a piece at a time, so a fleet's report is never
// held whole in memory, or into a string (tests and fuzzing compare it).

#include <cstdio>
#include <string>
#include <string_view>

namespace sessiontool::cli {

class Output {
 public:
  explicit Output(std::FILE* stream) : stream_(stream) {}
  explicit Output(std::string& text) : text_(&text) {}

  void write(std::string_view piece) {
    if (text_)
      text_->append(piece);
    else
      std::fwrite(piece.data(), 1, piece.size(), stream_);
  }

 private:
  std::FILE* stream_ = nullptr;
  std::string* text_ = nullptr;
};

}  // namespace sessiontool::cli

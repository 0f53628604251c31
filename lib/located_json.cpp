#include "located_json.hpp"

#include <iterator>
#include <optional>
#include <vector>

namespace sessiontool {
namespace {

using nlohmann::json;

// A char iterator that publishes how far the parser has read, so the SAX handler knows where
// each key ends.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char* base, std::size_t* read) : at_(at), base_(base), read_(read) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    *read_ = static_cast<std::size_t>(at_ - base_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char* base_;
  std::size_t* read_;
};

// Builds the DOM and records where each member and item is.
class Builder : public nlohmann::json_sax<json> {
 public:
  explicit Builder(const std::size_t* read) : read_(read) {}

  bool null() override { return add(nullptr); }
  bool boolean(bool v) override { return add(v); }
  bool number_integer(number_integer_t v) override { return add(v); }
  bool number_unsigned(number_unsigned_t v) override { return add(v); }
  bool number_float(number_float_t v, const string_t&) override { return add(v); }
  bool string(string_t& v) override { return add(v); }
  bool binary(binary_t& v) override { return add(json::binary(v)); }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& frame = stack_.back();
    if (frame.node->contains(name)) {
      error_ = JsonSyntaxError{*read_, "duplicate key \"" + name + "\""};
      return false;
    }
    frame.key = name;
    located.offsets[frame.pointer + "/" + escape(name)] = key_offset(*read_, name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> "syntax error ..."
    std::string message = e.what();
    if (const auto column = message.find("column "); column != std::string::npos)
      if (const auto colon = message.find(": ", column); colon != std::string::npos) message.erase(0, colon + 2);
    error_ = JsonSyntaxError{position == 0 ? 0 : position - 1, message};
    return false;
  }

  LocatedJson located;
  std::optional<JsonSyntaxError> error_;

 private:
  struct Frame {
    json* node;
    std::string pointer;
    std::string key;  // the member being read, in an object
  };

  static std::string escape(const std::string& name) {
    std::string out;
    for (char c : name) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }
  // The parser has read just past the key's closing quote; the key starts before its quotes.
  static std::size_t key_offset(std::size_t read, const std::string& name) {
    return read >= name.size() + 2 ? read - name.size() - 2 : 0;
  }

  // Places a new value in its parent and returns it with its pointer.
  std::pair<json*, std::string> place(json value) {
    if (stack_.empty()) {
      located.value = std::move(value);
      located.offsets[""] = 0;
      return {&located.value, ""};
    }
    Frame& parent = stack_.back();
    if (parent.node->is_array()) {
      std::string pointer = parent.pointer + "/" + std::to_string(parent.node->size());
      located.offsets[pointer] = *read_ == 0 ? 0 : *read_ - 1;
      parent.node->push_back(std::move(value));
      return {&parent.node->back(), pointer};
    }
    json& slot = (*parent.node)[parent.key];
    slot = std::move(value);
    return {&slot, parent.pointer + "/" + escape(parent.key)};
  }

  bool add(json value) {
    place(std::move(value));
    return true;
  }
  bool open(json container) {
    // Each level's members carry their whole pointer: deep nesting would cost memory quadratic
    // in the depth (a 40 KB file, 800 MB), and configuration needs a handful of levels.
    if (stack_.size() >= kMaxDepth) {
      error_ = JsonSyntaxError{*read_ == 0 ? 0 : *read_ - 1, "nesting deeper than 64 levels"};
      return false;
    }
    auto [node, pointer] = place(std::move(container));
    stack_.push_back({node, std::move(pointer), {}});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  static constexpr std::size_t kMaxDepth = 64;

  const std::size_t* read_;
  std::vector<Frame> stack_;
};

}  // namespace

std::expected<LocatedJson, JsonSyntaxError> parse_located_json(std::string_view text) {
  std::size_t read = 0;
  Builder builder(&read);
  const char* base = text.data();
  json::sax_parse(CountingIterator(base, base, &read), CountingIterator(base + text.size(), base, &read), &builder,
                  json::input_format_t::json, true, false);
  if (builder.error_) return std::unexpected(*builder.error_);
  return std::move(builder.located);
}

}  // namespace sessiontool

// sessiontool's half of oracle.timespan: parse_timespan on every input line, in the format that
// timespan_oracle.cs reads (ASCII, "\\" and "\uXXXX" escapes). Output: the ticks, "error", or
// "maxvalue" for BC's own keyword, which .NET's TimeSpan.Parse rejects and sessiontool accepts.

#include "text/duration.hpp"

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool unescape(const std::string& line, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\') { out += line[i]; continue; }
    if (++i >= line.size()) return false;
    if (line[i] == '\\') { out += '\\'; continue; }
    if (line[i] != 'u' || i + 4 >= line.size()) return false;
    append_utf8(out, static_cast<std::uint32_t>(std::stoul(line.substr(i + 1, 4), nullptr, 16)));
    i += 4;
  }
  return true;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line, text;
  while (std::getline(std::cin, line)) {
    if (!unescape(line, text)) {
      std::cerr << "bad escape in: " << line << '\n';
      return 2;
    }
    auto parsed = sessiontool::parse_timespan(text);
    if (!parsed) std::cout << "error\n";
    else if (parsed->max_value_keyword) std::cout << "maxvalue\n";
    else std::cout << parsed->value.ticks << '\n';
  }
  return 0;
}

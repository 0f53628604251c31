#pragma once
// Small configuration files built in memory for tests, parsed by the real readers.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "read/reader.hpp"

namespace sessiontool::test {

using Pairs = std::initializer_list<std::pair<std::string, std::string>>;

inline std::string server_config_text(Pairs entries) {
  std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<appSettings>\n";
  for (const auto& [key, value] : entries) text += "  <add key=\"" + key + "\" value=\"" + value + "\" />\n";
  return text + "</appSettings>\n";
}

inline std::string navsettings_text(Pairs entries) {
  std::string text = "{\n  \"NAVWebSettings\": {\n";
  bool first = true;
  for (const auto& [key, value] : entries) {
    if (!first) text += ",\n";
    text += "    \"" + key + "\":  \"" + value + "\"";
    first = false;
  }
  return text + "\n  }\n}\n";
}

inline std::string aos_config_text(Pairs entries) {
  std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n"
                     "    <add key=\"Aos.AppRoot\" value=\"C:\\AOSService\\webroot\" />\n";
  for (const auto& [key, value] : entries) text += "    <add key=\"" + key + "\" value=\"" + value + "\" />\n";
  return text + "  </appSettings>\n</configuration>\n";
}

inline Document parse_or_fail(const std::string& path, std::string text) {
  ReadResult result = parse_document(path, std::move(text));
  if (result.error) FAIL("unexpected read error: " << result.error->message);
  REQUIRE(result.document);
  return std::move(*result.document);
}

inline Document server(const std::string& path, Pairs entries) { return parse_or_fail(path, server_config_text(entries)); }
inline Document web(const std::string& path, Pairs entries) { return parse_or_fail(path, navsettings_text(entries)); }
inline Document aos(const std::string& path, Pairs entries) { return parse_or_fail(path, aos_config_text(entries)); }

}  // namespace sessiontool::test

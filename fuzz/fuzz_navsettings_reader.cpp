// The navsettings.json reader against nlohmann/json: the scanner in strict RFC 8259 mode accepts
// what a JSON parser accepts (up to its depth limit) and nothing else; the reader, in .NET's
// dialect (comments, trailing commas, 64 levels), accepts all of that too but deeper nesting; and
// each section's string value for a key is the one nlohmann reads.

#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "read/json_scanner.hpp"
#include "read/reader.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  ReadResult result = read_navsettings("navsettings.json", bytes);
  FUZZ_CHECK(result.document.has_value() != result.error.has_value());
  const auto strict = scan_json_object(bytes);
  // The dialect is a superset of strict JSON, but for nesting past 64 levels.
  if (strict && result.error) FUZZ_CHECK(result.error->message.find("nesting deeper") != std::string::npos, result.error->message);

  // nlohmann/json takes a NUL byte for the end of the input (and accepts what follows it);
  // strict JSON allows none anywhere. .NET's reader skips a comment's bytes unread, NULs too.
  if (bytes.find('\0') != std::string::npos) {
    FUZZ_CHECK(!strict, "a NUL byte was accepted in strict JSON");
    if (result.document) check_document(*result.document);
    return 0;
  }
  nlohmann::json reference;
  bool reference_ok = false;
  bool number_overflow = false;  // nlohmann/json refuses 1e400; JSON sets no limit, nor do we
  try {
    reference = nlohmann::json::parse(bytes);
    reference_ok = reference.is_object();
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range 406
    number_overflow = e.id == 406;
  }
  if (!strict) {
    FUZZ_CHECK(!strict.error().message.empty());
    // Refusing what a JSON parser accepts is right only for deep nesting.
    if (reference_ok) FUZZ_CHECK(strict.error().message.find("nesting deeper") != std::string::npos, strict.error().message);
  } else {
    FUZZ_CHECK(reference_ok || number_overflow, "the strict scanner accepted what nlohmann/json refuses");
  }
  if (result.error) {
    FUZZ_CHECK(!result.error->message.empty());
    return 0;
  }
  check_document(*result.document);
  if (!strict || !reference_ok) return 0;

  const Document& doc = *result.document;
  FUZZ_CHECK(doc.source.bytes() == bytes);
  for (const Entry& e : doc.entries) {
    const std::string_view raw_key = doc.source.view(e.key_span);
    if (raw_key.find('\\') == std::string_view::npos) FUZZ_CHECK(raw_key == e.key, raw_key);
    // Only the members of a top-level object, compared by that object's name.
    if (e.section >= doc.sections.size() || e.path.size() != doc.sections[e.section].name.size() + 1 + e.key.size())
      continue;
    const Entry* last = nullptr;
    for (const Entry& other : doc.entries)
      if (other.section == e.section && other.key == e.key) last = &other;
    if (last != &e) continue;
    // A section name given twice: nlohmann keeps the last object, the reader both.
    bool section_repeated = false;
    for (std::size_t i = e.section + 1; i < doc.sections.size(); ++i)
      section_repeated = section_repeated || doc.sections[i].name == doc.sections[e.section].name;
    if (section_repeated) continue;
    // ... or a later scalar or array of that name, or a later object or array for this key.
    const nlohmann::json& section = reference.at(doc.sections[e.section].name);
    if (!section.is_object()) continue;
    const nlohmann::json& value = section.at(e.key);
    if (value.is_object() || value.is_array()) continue;
    if (e.value_is_string) {
      FUZZ_CHECK(value.is_string() && value.get<std::string>() == e.value, e.key);
    } else {
      FUZZ_CHECK(value.is_number() || value.is_boolean() || value.is_null(), e.key);
    }
  }
  return 0;
}

// The XML reader: any bytes give a document or an error, never a crash; a document's spans
// are where its values are (a value without entity or character references reads exactly as
// its raw bytes), and reading the document's own text again gives the same entries.

#include <optional>
#include <string>

#include "fuzz_check.hpp"
#include "read/reader.hpp"

using namespace sessiontool;
using namespace sessiontool::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the kind the reader is told (none, as `--as` would force it).
  std::optional<FileKind> forced;
  if (data[0] % 4 != 0) forced = static_cast<FileKind>(data[0] % 4 - 1);
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  ReadResult result = read_xml("web.config", bytes, forced);
  FUZZ_CHECK(result.document.has_value() != result.error.has_value());
  if (result.error) {
    FUZZ_CHECK(!result.error->message.empty());
    FUZZ_CHECK(result.error->pos.line <= bytes.size() + 1);
    return 0;
  }
  const Document& doc = *result.document;
  FUZZ_CHECK(doc.source.bytes() == bytes);
  FUZZ_CHECK(doc.format == FileFormat::xml);
  check_document(doc);
  for (const Entry& e : doc.entries) {
    // pugixml turns raw tabs and line breaks in attributes into spaces (as XML says).
    const std::string_view raw_key = doc.source.view(e.key_span);
    if (raw_key.find_first_of("&\t\r\n") == std::string_view::npos) FUZZ_CHECK(raw_key == e.key, raw_key);
    const std::string_view raw_value = doc.source.view(e.value_span);
    if (raw_value.find_first_of("&\t\r\n") == std::string_view::npos) FUZZ_CHECK(raw_value == e.value, raw_value);
    if (!e.has_value) FUZZ_CHECK(e.value.empty() && e.value_span.length == 0);
  }

  ReadResult again = read_xml("web.config", bytes, doc.kind);
  FUZZ_CHECK(again.document.has_value());
  FUZZ_CHECK(again.document->entries.size() == doc.entries.size());
  return 0;
}

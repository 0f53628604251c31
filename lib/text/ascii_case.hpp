#pragma once
// Letter case as the products compare keys: .NET's StringComparer.OrdinalIgnoreCase, for the
// ASCII letters setting names are written in.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sessiontool {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Equal bytes first: keys are nearly always compared with their own spelling (lint calls this
// for every entry of every file).
constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// A hash equal for texts equal but for the case of ASCII letters: every byte with bit 0x20 set
// (a letter's lower case; other bytes collide a little more, which the equality check after a
// hash sorts out), eight bytes at a time. Duplicate checks hash every key of every file: a byte at
// a time, this cost about 20M of 226M instructions of lint over 100 bench deployments (callgrind).
inline std::size_t folded_hash(std::string_view text) {
  constexpr std::uint64_t kLower = 0x2020202020202020ull;
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t hash = text.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    hash = (std::rotl(hash, 29) ^ (word | kLower)) * kMul;
  }
  if (i < text.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, text.size() - i);
    hash = (std::rotl(hash, 29) ^ (word | (kLower >> (8 * (8 - (text.size() - i)))))) * kMul;
  }
  return static_cast<std::size_t>(hash ^ (hash >> 32));
}

inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), ascii_lower);
  return out;
}

}  // namespace sessiontool

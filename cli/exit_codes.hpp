#pragma once
// Exit codes (SPEC §6), documented in the README.

namespace sessiontool::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;    // lint findings at or above --fail-on; set --check drift
inline constexpr int kExitUsage = 2;       // bad options or configuration file
inline constexpr int kExitBadInput = 3;    // an input file unreadable or malformed
inline constexpr int kExitRefused = 4;     // set refused a value; nothing written
inline constexpr int kExitInternal = 70;   // a bug: a broken invariant, never bad input

}  // namespace sessiontool::cli

#include "arguments.h"

#include <charconv>
#include <cmath>
#include <string>

#include "runtime/error.h"

namespace panocast::cli {
namespace {

template <typename T>
bool parseNumber(std::string_view text, T& value) {
  if (text.empty()) return false;
  // std::from_chars for double exists in GCC 12; it rejects "1e", "nan" forms we do not want.
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::pair<int, int> parseSize(const std::string& text, const char* option) {
  const auto x = text.find_first_of("xX");
  int w = 0, h = 0;
  if (x == std::string::npos || !parseNumber(std::string_view(text).substr(0, x), w) ||
      !parseNumber(std::string_view(text).substr(x + 1), h) || w <= 0 || h <= 0 || w > 32768 || h > 32768)
    throw Error(std::string(option) + ": expected WIDTHxHEIGHT such as 1280x720, got '" + text + "'");
  return {w, h};
}

std::pair<double, double> parseRange(const std::string& text, const char* option) {
  const auto colon = text.find(':');
  double a = 0, b = 0;
  if (colon == std::string::npos || !parseNumber(std::string_view(text).substr(0, colon), a) ||
      !parseNumber(std::string_view(text).substr(colon + 1), b) || !std::isfinite(a) || !std::isfinite(b))
    throw Error(std::string(option) + ": expected FROM:TO in degrees such as 0:360, got '" + text + "'");
  return {a, b};
}

}  // namespace panocast::cli

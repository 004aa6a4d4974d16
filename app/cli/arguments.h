#pragma once
// Parsing of the small value syntaxes the commands share ("1280x720", "0:360").
#include <string>
#include <utility>

namespace panocast::cli {

// "WxH" → (W, H); both positive. Throws panocast::Error naming the option.
std::pair<int, int> parseSize(const std::string& text, const char* option);
// "A:B" → (A, B) as degrees. Throws panocast::Error naming the option.
std::pair<double, double> parseRange(const std::string& text, const char* option);

}  // namespace panocast::cli

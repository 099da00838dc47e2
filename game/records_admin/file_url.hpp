// The file:// address of a saved file (a report, the printable AUP), which the
// teacher's app hands to the computer's default web browser to open or print.
// Depends on: std only.
#pragma once

#include <string>

namespace sq::admin {

// "file:///home/t/My%20AUP.html" for a path (made absolute first; a Windows drive
// path becomes file:///C:/...), every byte other than letters, digits and -._~/:
// percent-encoded, so spaces, '#' and accented letters survive.
std::string fileUrl(const std::string& path);

} // namespace sq::admin

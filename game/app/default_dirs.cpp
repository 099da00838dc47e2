#include "app/default_dirs.hpp"

#include "platform/paths.hpp"
#include "text/font.hpp"

// Set by engine.cmake: the repository's content/ and the build tree's assets/.
#ifndef SQ_SOURCE_CONTENT_DIR
#define SQ_SOURCE_CONTENT_DIR ""
#endif
#ifndef SQ_BUILD_ASSETS_DIR
#define SQ_BUILD_ASSETS_DIR ""
#endif

namespace sq {

std::string defaultContentDir() {
  const std::string exe = executableDir();
  const std::string dir =
      firstExistingDir({exe.empty() ? "" : exe + "content",
                        exe.empty() ? "" : exe + "../../content", SQ_SOURCE_CONTENT_DIR});
  return dir.empty() ? std::string(SQ_SOURCE_CONTENT_DIR) : dir;
}

std::string defaultAssetsDir() {
  const std::string exe = executableDir();
  return firstExistingDir({exe.empty() ? "" : exe + "assets", SQ_BUILD_ASSETS_DIR},
                          std::string("fonts/") + FontLibrary::kAndikaRegular);
}

} // namespace sq

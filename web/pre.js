// Linked before the game's JS (--pre-js). SDL 2.26's Emscripten audio and event code
// calls autoResumeAudioContext, which Debian's emscripten 3.1.6 does not have yet:
// this is it. Browsers start audio suspended until the user acts; resume it then.
function autoResumeAudioContext(ctx, elements) {
  if (!elements) elements = [document, document.getElementById('canvas')];
  ['keydown', 'mousedown', 'touchstart'].forEach(function (event) {
    elements.forEach(function (element) {
      if (element && element.addEventListener) {
        element.addEventListener(event, function () {
          if (ctx.state === 'suspended') ctx.resume();
        }, { once: true });
      }
    });
  });
}

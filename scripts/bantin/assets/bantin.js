/* bantin: one-click paragraph permalinks and the citation copy button. Self-hosted, no deps. */
(function () {
  "use strict";

  function addParagraphLinks(root) {
    var paragraphs = root.querySelectorAll(
      ".bantin-body p[id], .bantin-body ul > li[id], .bantin-body figure[id]"
    );
    paragraphs.forEach(function (element) {
      if (element.querySelector(".bantin-permalink")) {
        return;
      }
      var anchor = document.createElement("a");
      anchor.className = "bantin-permalink";
      anchor.href = "#" + encodeURIComponent(element.id);
      anchor.title = "Liên kết đến đoạn này";
      anchor.setAttribute("aria-label", "Liên kết đến đoạn này");
      anchor.textContent = "¶";
      element.appendChild(anchor);
    });
  }

  function copyText(button) {
    var text = button.getAttribute("data-copy") || "";
    var done = function () {
      button.textContent = "Đã sao chép";
      window.setTimeout(function () { button.textContent = "Sao chép"; }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () {
        button.textContent = "Không sao chép được";
      });
    }
  }

  function setUp() {
    addParagraphLinks(document);
    document.querySelectorAll(".bantin-copy").forEach(function (button) {
      if (!button.dataset.bantinReady) {
        button.dataset.bantinReady = "1";
        button.addEventListener("click", function () { copyText(button); });
      }
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

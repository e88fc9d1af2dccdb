/* Reader helpers on top of Material for MkDocs; no external scripts. Added to every project by the
 * cited-explainer plugin (as assets/cited-explainer/cited-explainer.js; a file of that path in the project's
 * docs_dir replaces it).
 *
 * 1. Footnote tooltips. A footnote is shown in a tooltip while its reference
 *    is hovered or has keyboard focus, as Material's content.footnote.tooltips
 *    did, with Material's look (.md-tooltip2). One tooltip for the page, made
 *    when it is wanted: Material set up a watcher on every reference at load,
 *    a third of the script time of a page with a hundred footnotes.
 *    Escape closes it (it comes back on the next hover or focus), a focused
 *    reference is described by its footnote's text (aria-describedby).
 * 2. Print: footnote source links carry their full address for print CSS,
 *    set just before printing (on a page with hundreds of footnotes, setting
 *    them at load cost a long task on a phone).
 * 3. Archive pages. When the address targets a cited passage (#q-...), the
 *    passage is scrolled to the middle of the screen and marked for a stronger
 *    highlight; an anchor inside a shared highlight marks the whole highlight.
 * 4. Material's search overlay (role="dialog") gets the accessible name it lacks.
 * 5. Links to one sentence. A cited sentence (the .claim element with its
 *    anchor: a span, or the paragraph, item or cell it fills) gets a small
 *    link to its own anchor (a.claim-link) when the reader hovers it, focuses
 *    a link in it (the next Tab reaches it) or taps it; one link for the
 *    page, moved from sentence to sentence. Following it marks
 *    the sentence (:target), and the full address is copied to the clipboard,
 *    which a status line tells a screen reader.
 */
(function () {
  "use strict";

  var TARGETED = "cited--targeted";

  /* ---------------------------------------------------------------- tooltips */

  function footnoteRef(node) {
    return node && node.closest ? node.closest("a.footnote-ref") : null;
  }

  function footnoteId(ref) {
    var hash = ref.getAttribute("href") || "";
    var at = hash.indexOf("#");
    return at >= 0 ? decodeURIComponent(hash.slice(at + 1)) : "";
  }

  var TIP_ID = "site-footnote-tooltip";
  var tip = null;      // the open tooltip, or null
  var tipRef = null;   // the reference it shows the footnote of
  var closing = 0;     // timer: the pointer may cross from the reference to the tooltip

  function openTip(ref) {
    clearTimeout(closing);
    if (tipRef === ref) return;
    closeTip();
    var id = footnoteId(ref);
    var note = id && document.getElementById(id);
    if (!note) return;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    Array.prototype.forEach.call(note.children, function (child) {
      inner.appendChild(child.cloneNode(true));
    });
    tip = document.createElement("div");
    tip.className = "md-tooltip2";
    tip.id = TIP_ID;
    tip.setAttribute("role", "dialog");
    tip.setAttribute("aria-label", "Footnote " + ref.textContent);
    tip.appendChild(inner);
    document.body.appendChild(tip);
    tipRef = ref;
    // Below the reference, or above it when it is in the lower half of the screen (as Material).
    var box = ref.getBoundingClientRect();
    var below = box.top < window.innerHeight / 2;
    var y = below ? 16 + box.height : -16 - inner.getBoundingClientRect().height;
    tip.style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    tip.style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    tip.style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    tip.style.setProperty("--md-tooltip-y", y + "px");
    tip.classList.add(below ? "md-tooltip2--bottom" : "md-tooltip2--top");
    ref.setAttribute("aria-controls", TIP_ID);
    ref.setAttribute("aria-haspopup", "dialog");
    ref.setAttribute("aria-describedby", id);  // a screen reader hears the citation, not just "1"
    var shown = tip;
    requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function closeTip() {
    clearTimeout(closing);
    if (!tip) return;
    tip.remove();
    tipRef.removeAttribute("aria-controls");
    tipRef.removeAttribute("aria-haspopup");
    tip = tipRef = null;
  }

  function closeSoon() {
    clearTimeout(closing);
    closing = setTimeout(closeTip, 250);
  }

  function inTip(node) {
    return !!(tip && node && tip.contains(node));
  }

  document.addEventListener("mouseover", function (event) {
    var ref = footnoteRef(event.target);
    if (ref) openTip(ref);
    else if (inTip(event.target)) clearTimeout(closing);
    else if (tip && document.activeElement !== tipRef) closeSoon();
  });

  document.addEventListener("focusin", function (event) {
    var ref = footnoteRef(event.target);
    if (ref) openTip(ref);
    else if (tip && !inTip(event.target)) closeTip();
  });

  document.addEventListener("focusout", function (event) {
    if (tip && event.target === tipRef && !event.relatedTarget) closeSoon();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") closeTip();
  });

  /* ------------------------------------------------------------------ print */

  // Printed footnotes show where each source link leads, as a full address.
  window.addEventListener("beforeprint", markPrintAddresses);

  function markPrintAddresses() {
    document.querySelectorAll(".footnote a.cite-link").forEach(function (link) {
      link.setAttribute("data-print-href", link.href);
    });
  }

  /* ------------------------------------------------------- cited passages */

  function highlightTarget() {
    document.querySelectorAll("." + TARGETED).forEach(function (el) {
      el.classList.remove(TARGETED);
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("q-") !== 0) {
      var el = id && document.getElementById(id);
      if (el && el.classList.contains("claim")) linkInto(el);
      // A row of the claims table links to its claim's collapsed blocks: the first one opens.
      var block = el && el.classList.contains("claim-details") ? el.querySelector("details") : null;
      if (block) block.open = true;
      // A date's marker links to its note in the closed "How each marked date is worked out".
      var shut = el && !block ? el.closest("details:not([open])") : null;
      if (shut) {
        shut.open = true;
        el.scrollIntoView({ block: "center" });
      }
      return;
    }
    var target = document.getElementById(id);
    if (!target) return;
    var mark = target.closest("mark.cited") || target;
    mark.classList.add(TARGETED);
    // Scroll only when the passage is not already on screen below the header:
    // an extra upward scroll would also pop up Material's "Back to top" button.
    var box = mark.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var onScreen = box.top >= top && box.bottom <= window.innerHeight;
    if (!onScreen) {
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      mark.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  window.addEventListener("hashchange", highlightTarget);

  /* ------------------------------------------------ links to one sentence */

  var status = null;

  function say(text) {
    if (!status) {
      status = document.createElement("span");
      status.className = "claim-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  // One link for the whole page, moved into the sentence the reader points at,
  // focuses in or taps (a link in every sentence was hundreds of elements on a
  // long page, too many for a phone). The sentence keeps the link's room
  // (cited-explainer.css), so showing it moves nothing.
  var SHOWN = "claim--shown";
  var LINKED = "claim--linked";
  var shown = null;
  var claimLink = null;

  function linkInto(claim) {
    if (!claim || !claim.id) return null;
    if (!claimLink) {
      claimLink = document.createElement("a");
      claimLink.className = "claim-link";
      claimLink.title = "Copy a link to this sentence";
      claimLink.setAttribute("aria-label", "Link to this sentence");
    }
    // Never pull the link out from under the keyboard.
    if (claimLink.parentNode !== claim && document.activeElement !== claimLink) {
      if (claimLink.parentNode) claimLink.parentNode.classList.remove(LINKED);
      claimLink.removeAttribute("data-copied");
      claimLink.href = "#" + claim.id;
      claim.appendChild(claimLink);
      claim.classList.add(LINKED);  // cited-explainer.css: the link takes the room the sentence keeps for it
    }
    return claimLink;
  }

  function claimOf(node) {
    return node && node.closest ? node.closest(".claim") : null;
  }

  // Hover, and focus on a footnote reference or term in the sentence: the next Tab reaches its link.
  document.addEventListener("mouseover", function (event) { linkInto(claimOf(event.target)); });
  document.addEventListener("focusin", function (event) { linkInto(claimOf(event.target)); });

  // A tap on a sentence shows its link (phones have no hover); a tap elsewhere hides it again.
  function showLinkOf(target) {
    var claim = claimOf(target);
    if (shown && shown !== claim) shown.classList.remove(SHOWN);
    shown = claim && !target.closest("a") ? claim : null;
    if (shown) {
      linkInto(shown);
      shown.classList.add(SHOWN);
    }
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    if (footnoteRef(event.target)) closeTip();  // the page moves to the footnote itself
    var link = event.target.closest("a.claim-link");
    if (!link) showLinkOf(event.target);
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(function () {
      link.setAttribute("data-copied", "");
      say("Link to this sentence copied");
      setTimeout(function () { link.removeAttribute("data-copied"); }, 2000);
    }, function () { /* no clipboard: the address bar holds the link */ });
  });

  /* ------------------------------------------------------- footnotes on a phone */

  // On a phone the footnote list is most of a page's scroll (55-95%, the editor's review):
  // there it waits in one closed "Sources for this page (n)" block, which a tap on a
  // reference, or a link to a footnote, opens. Wider screens and no script: the list as is.
  var PHONE = "(max-width: 44.984375em)";
  var fold = null;

  function foldFootnotes() {
    var list = document.querySelector("article div.footnote");
    if (!list || !window.matchMedia(PHONE).matches) return;
    var count = list.querySelectorAll("ol > li").length;
    fold = document.createElement("details");
    fold.className = "footnotes-fold";
    var summary = document.createElement("summary");
    summary.textContent = "Sources for this page (" + count + ")";
    list.parentNode.insertBefore(fold, list);
    fold.appendChild(summary);
    fold.appendChild(list);
  }

  function openFootnotesFor(hash) {
    if (fold && !fold.open && hash.indexOf("#fn:") === 0) fold.open = true;
  }

  document.addEventListener("click", function (event) {
    var ref = event.target.closest ? footnoteRef(event.target) : null;
    if (ref) openFootnotesFor(ref.hash);  // before the browser scrolls to the footnote
  }, true);
  window.addEventListener("hashchange", function () { openFootnotesFor(window.location.hash); });

  /* ------------------------------------------------------------ search */

  // Material's search overlay is a role="dialog" without a name; give it one.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      dialog.setAttribute("aria-label", "Search this site");
    }
  }

  function ready() {
    nameSearchDialog();
    foldFootnotes();
    openFootnotesFor(window.location.hash);
    highlightTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  // The browser's own jump to the anchor can land after our first scroll
  // (fonts, images); center once more when everything has loaded.
  window.addEventListener("load", function () {
    if (window.location.hash.indexOf("#q-") === 0) highlightTarget();
  });
})();

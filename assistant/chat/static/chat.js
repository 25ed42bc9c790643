// The chat page without reloading: the question form asks the JSON API (/api/chat) and the
// answer is added to the conversation above it (an aria-live region, so screen readers read it).
// Without this script the same form is posted and the server renders the answer; anything
// unexpected (a validation error, a network problem) falls back to that plain submission.
// Text from the server is only ever set as textContent, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("question-form");
  var log = document.getElementById("conversation");
  var template = document.getElementById("handover-template");
  if (!form || !log || !template || !window.fetch || !window.JSON) { return; }
  var labels = log.dataset;
  var verdicts = {};
  (labels.verdicts || "").split(";").forEach(function (pair) {
    var parts = pair.split("=");
    verdicts[parts[0]] = parts[1];
  });
  var entries = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function handover(question) {
    var box = template.content.firstElementChild.cloneNode(true);
    var fields = box.querySelector("form").elements;
    fields.namedItem("message").value = question.message;
    fields.namedItem("town").value = question.town || "";
    fields.namedItem("population").value = question.population || "";
    var email = fields.namedItem("email");
    var label = box.querySelector("label[for='email-new']");
    email.id = "email-" + entries;
    label.htmlFor = email.id;
    return box;
  }

  function show(question, reply) {
    entries += 1;
    var entry = element("article", "chat-entry");
    entry.setAttribute("tabindex", "-1");
    var asked = element("p", "chat-question");
    asked.appendChild(element("strong", "", labels.you + ": "));
    asked.appendChild(document.createTextNode(question.message));
    entry.appendChild(asked);
    if (reply.answers.length) {
      var list = element("ul", "chat-answers");
      reply.answers.forEach(function (answer) {
        var item = element("li");
        item.appendChild(element("p", "", answer.text));
        var source = element("p", "chat-source", labels.source + ": ");
        source.appendChild(element("code", "", answer.source));
        source.appendChild(document.createTextNode(", " + labels.version + " " + answer.version));
        item.appendChild(source);
        list.appendChild(item);
      });
      entry.appendChild(list);
    } else if (reply.handover_reasons.indexOf("no_question") >= 0) {
      entry.appendChild(element("p", "", labels.noQuestion));
    } else if (!reply.handover) {
      entry.appendChild(element("p", "", labels.noAnswer));
    }
    if (reply.eligibility) {
      var check = element("p", "chat-check");
      check.appendChild(element("strong", "", labels.check + ": "));
      check.appendChild(document.createTextNode(
        (verdicts[reply.eligibility.verdict] || reply.eligibility.verdict) + ". " +
        reply.eligibility.reason));
      entry.appendChild(check);
    }
    if (reply.handover) { entry.appendChild(handover(question)); }
    log.appendChild(entry);
  }

  function notice(text) {
    var box = element("div", "notice notice-danger");
    box.setAttribute("role", "alert");
    box.appendChild(element("p", "", text));
    log.appendChild(box);
  }

  form.addEventListener("submit", function (event) {
    var data = new FormData(form);
    var question = { message: String(data.get("message") || "") };
    var town = String(data.get("town") || "").trim();
    var population = String(data.get("population") || "").replace(/[.\s]/g, "");
    if (!question.message.trim() || (population && !/^[1-9][0-9]{0,7}$/.test(population))) {
      return;  // the server explains what is wrong
    }
    if (town) { question.town = town; }
    if (population) { question.population = parseInt(population, 10); }
    event.preventDefault();
    var button = form.querySelector("button[type='submit']");
    button.disabled = true;
    fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      credentials: "omit",
      body: JSON.stringify(question)
    }).then(function (response) {
      if (response.status === 429) {
        var wait = response.headers.get("Retry-After") || "60";
        notice(labels.limited.replace("{seconds}", wait));
        return null;
      }
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.json();
    }).then(function (reply) {
      button.disabled = false;
      if (!reply) { return; }
      show(question, reply);
      form.elements.namedItem("message").value = "";
      form.elements.namedItem("message").focus();
    }).catch(function () {
      button.disabled = false;
      form.submit();
    });
  });
}());

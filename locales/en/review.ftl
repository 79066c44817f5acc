## Review cards and drafts in the admin chat (the whole chat's: ADMIN_LANGUAGE). $at is a time, or "none".
card-an-editor = an editor
card-next-slot = the next slot
card-draft = 📝 Draft #{ $id }{ $by ->
    [none] {""}
   *[other] {" "}by { $by }
  } · { $from }
card-review = 🔎 For review #{ $id } · { $from }
card-held = ⚠️ Not posted automatically: { $reason }.
hold-dead-link = its page answered { $status } and the feed gave no text
card-draft-waits = Nothing goes out until an editor presses Post now or Schedule.
card-posted-post = ✅ Posted by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  } as #{ $id }
card-posted-breaking = 🔴 Posted as breaking news by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  } as #{ $id }
card-approved-post = ✅ Approved by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  } as #{ $id }; not in the channel yet{ $why ->
    [none] {""}
   *[other] : { $why }
  }
card-approved-breaking = 🔴 Approved as breaking news by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  } as #{ $id }; not in the channel yet{ $why ->
    [none] {""}
   *[other] : { $why }
  }
card-scheduled = 🕒 Scheduled by { $by } for { $when } as #{ $id }
card-skipped = 🗑 Skipped by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  }
card-cancelled = 🗑 Cancelled by { $by }{ $at ->
    [none] {""}
   *[other] {" "}at { $at }
  }

## The cards' buttons, and /review's paging
card-button-post = ✅ Post
card-button-post-now = ✅ Post now
card-button-schedule = 🕒 Schedule
card-button-edit = ✏️ Edit
card-button-breaking = 🔴 Breaking
card-button-skip = 🗑 Skip
card-button-cancel = 🗑 Cancel
review-button-previous = ◀ Previous
review-button-next = Next ▶
review-page-html = <i>Story { $number } of { $total } waiting for review</i>
review-nothing = Nothing is waiting for review.

## Answers to a card's buttons (the pressing editor's language)
review-answer-posted = Posted as #{ $id }.
review-answer-posted-breaking = Posted as breaking news: #{ $id }.
review-answer-approved = #{ $id } is approved but not in the channel yet: { $reason }.
review-answer-scheduled = #{ $id } is scheduled.
review-answer-skipped = #{ $id } was skipped.
review-answer-cancelled = Draft #{ $id } was cancelled.
review-answer-already-decided = Already decided by { $who }.
review-answer-another-editor = another editor
review-answer-not-pending = Post #{ $id } is not waiting for a decision (it is { $status }).
review-answer-not-found = There is no post #{ $id }.
review-ask-schedule = When should #{ $id } go out? Send /reschedule { $id } <when>, e.g. /reschedule { $id } tomorrow 9am ({ $examples }).
review-ask-edit = To correct #{ $id } before it goes out, send /edit { $id } headline <new headline> or /edit { $id } summary <new summary>; the card shows the change.

## Under the same-story warning of /queue
queue-button-anyway = Queue anyway
queue-button-stop = Cancel

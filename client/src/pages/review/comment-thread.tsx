import { useState } from "react";
import type { ReviewComment } from "@shared/schemas/review-rounds";
import { formatTimestampDate } from "../../lib/format-date";
import { CommentForm } from "./comment-form";
import { HideCommentForm } from "./hide-comment-form";

interface CommentThreadProps {
  roundId: string;
  comments: ReviewComment[];
  parentId: string | null;
  /** Panel members reply; the hub hides and restores. */
  canReply: boolean;
  admin: boolean;
  onChanged(comment: ReviewComment): void;
}

/** Comments with their replies under them, oldest first. */
export function CommentThread({ roundId, comments, parentId, canReply, admin, onChanged }: CommentThreadProps) {
  const level = comments.filter((c) => c.parentId === parentId);
  if (level.length === 0) return null;
  return (
    <ul className={parentId ? "govuk-list govuk-!-margin-left-6" : "govuk-list"}>
      {level.map((comment) => (
        <li key={comment.id}>
          <CommentItem roundId={roundId} comment={comment} canReply={canReply} admin={admin} onChanged={onChanged} />
          <CommentThread roundId={roundId} comments={comments} parentId={comment.id} canReply={canReply} admin={admin} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}

function CommentItem({
  roundId,
  comment,
  canReply,
  admin,
  onChanged,
}: {
  roundId: string;
  comment: ReviewComment;
  canReply: boolean;
  admin: boolean;
  onChanged(comment: ReviewComment): void;
}) {
  const [replying, setReplying] = useState(false);
  const [hiding, setHiding] = useState(false);
  const from = `${comment.mine ? "You" : comment.forumName}, ${formatTimestampDate(comment.createdAt)}`;

  return (
    <div className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2" data-comment-id={comment.id}>
      <p className="govuk-body-s govuk-!-margin-bottom-1">{from}</p>
      {comment.hidden ? (
        <p className="govuk-body-s">
          <strong className="govuk-tag govuk-tag--grey">Hidden by the hub</strong>
          {comment.hiddenReason ? ` Reason: ${comment.hiddenReason}` : null}
        </p>
      ) : null}
      {comment.body !== null ? <p className="govuk-body">{comment.body}</p> : <p className="govuk-body">This comment has been hidden.</p>}
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {canReply && !comment.hidden && !replying ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={() => setReplying(true)}
          >
            Reply<span className="govuk-visually-hidden"> to the comment from {from}</span>
          </button>
        ) : null}
        {admin && !comment.hidden && !hiding ? (
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={() => setHiding(true)}
          >
            Hide<span className="govuk-visually-hidden"> the comment from {from}</span>
          </button>
        ) : null}
        {admin && comment.hidden ? <HideCommentForm comment={comment} restore onDone={onChanged} /> : null}
      </div>
      {replying ? (
        <CommentForm
          roundId={roundId}
          sectionId={comment.sectionId}
          parentId={comment.id}
          id={`reply-${comment.id}`}
          label="Your reply"
          submitLabel="Post reply"
          onPosted={(reply) => {
            setReplying(false);
            onChanged(reply);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : null}
      {hiding ? (
        <HideCommentForm
          comment={comment}
          onDone={(changed) => {
            setHiding(false);
            onChanged(changed);
          }}
          onCancel={() => setHiding(false)}
        />
      ) : null}
    </div>
  );
}

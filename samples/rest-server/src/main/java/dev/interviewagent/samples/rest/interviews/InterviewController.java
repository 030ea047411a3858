package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.StartDefaults;
import dev.interviewagent.samples.rest.access.AccessTokens;
import dev.interviewagent.samples.rest.access.InterviewAccess;
import dev.interviewagent.samples.rest.openapi.ProblemResponses;
import dev.interviewagent.samples.rest.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The interview over HTTP: start, read, answer (typed or spoken), complete, report, export and delete. Every request
 * about an interview carries its token ({@code Authorization: Bearer}); every answer an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(path = "/api/interviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "interviews", description = "A respondent's interview: start, answer, complete, report, export, delete.")
public class InterviewController {

    private static final Logger log = LoggerFactory.getLogger(InterviewController.class);
    /** Set on the reply to a repeated answer. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    private final InterviewEngine engine;
    private final StartDefaults defaults;
    private final InterviewAccess access;
    private final Answers answers;
    private final VoiceAnswers voice;
    private final InterviewData data;
    private final AccessTokens tokens = new AccessTokens();

    public InterviewController(InterviewEngine engine, StartDefaults defaults, InterviewAccess access, Answers answers,
                               VoiceAnswers voice, InterviewData data) {
        this.engine = engine;
        this.defaults = defaults;
        this.access = access;
        this.answers = answers;
        this.voice = voice;
        this.data = data;
    }

    @PostMapping
    @Operation(operationId = "startInterview", summary = "Start an interview",
            description = "Starts an interview and returns its id, its bearer token (shown only here; only its hash"
                    + " is stored) and the opening question. The body is optional.",
            responses = @ApiResponse(responseCode = "201", description = "Started. `Location` names the interview.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StartedView.class))))
    @ProblemResponses({400, 413, 415})
    public ResponseEntity<StartedView> start(@RequestBody(required = false) @Nullable StartBody body) {
        StartRequest.Builder request = startRequest(body == null ? new StartBody(null, null, null, null) : body);
        String token = tokens.newToken();
        Reply reply = engine.start(request
                .channelKey(AccessTokens.channelKey(token))
                .attribute(AccessTokens.ATTRIBUTE, AccessTokens.hash(token))
                .build());
        log.info("{} started over HTTP", reply.interviewId());
        return ResponseEntity.created(URI.create("/api/interviews/" + reply.interviewId().value()))
                .cacheControl(CacheControl.noStore())
                .body(Views.started(reply, token));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getInterview", summary = "Where an interview stands",
            description = "Its status and progress, and the question waiting for an answer (the closing message once"
                    + " it has ended).", security = @SecurityRequirement(name = "interviewToken"))
    @ProblemResponses({401, 403, 404})
    public InterviewView get(@PathVariable String id, HttpServletRequest http) {
        InterviewSnapshot interview = access.authorize(id, http);
        return Views.interview(engine.pending(interview.id()));
    }

    @PostMapping(path = "/{id}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "answerInterview", summary = "Answer the pending question",
            description = "Takes a typed answer and returns the next question (or the closing message). The answer is"
                    + " stored before the interviewer is asked. The same Idempotency-Key with the same answer returns"
                    + " the first reply (header `Idempotent-Replayed: true`) and changes nothing; with another answer"
                    + " it is refused (422).", security = @SecurityRequirement(name = "interviewToken"))
    @ProblemResponses({400, 401, 403, 404, 409, 413, 415, 422})
    public ResponseEntity<TurnView> answer(
            @PathVariable String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, required = true,
                    description = "A new unique value for each answer (e.g. a UUID); the same value when the same"
                            + " answer is sent again. 1-64 visible ASCII characters.",
                    schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @RequestBody AnswerBody body, HttpServletRequest http) {
        InterviewSnapshot interview = access.authorize(id, http);
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        if (body.text() == null) {
            throw ApiException.badRequest("'text' is required");
        }
        return replayed(answers.text(interview, key, body.text()));
    }

    @PostMapping(path = "/{id}/answers/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "answerInterviewByVoice", summary = "Answer the pending question with a recording",
            description = "Takes a spoken answer (multipart part `audio`: Ogg/Opus, Ogg/Vorbis, WebM, WAV, MP3, M4A or"
                    + " FLAC, recognised from the bytes; 0.5 s to 10 min; at most `rest.max-audio-bytes`, 25 MB by"
                    + " default), transcribes it in the interview's language and answers with the transcript. A"
                    + " transcript too unsure to use is returned in a 422 problem (`transcript`), nothing answered. The"
                    + " same Idempotency-Key with the same recording is transcribed once and returns the first reply."
                    + " 501 when the server has no speech-to-text.", security = @SecurityRequirement(name = "interviewToken"))
    @ProblemResponses({400, 401, 403, 404, 409, 413, 415, 422, 501, 502, 503})
    public ResponseEntity<TurnView> answerByVoice(
            @PathVariable String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, required = true,
                    description = "A new unique value for each answer; the same value when the same recording is sent"
                            + " again. 1-64 visible ASCII characters.",
                    schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
            @RequestPart(name = "audio", required = false) @Nullable MultipartFile audio,
            HttpServletRequest http) throws IOException {
        InterviewSnapshot interview = access.authorize(id, http);
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        if (audio == null) {
            throw ApiException.badRequest("the multipart part 'audio' with the recording is required");
        }
        if (audio.getSize() > voice.maxBytes()) {
            throw ApiException.of(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                    dev.interviewagent.core.exception.ErrorCode.TOO_LARGE,
                    "the recording is larger than " + voice.maxBytes() + " bytes");
        }
        return replayed(answers.voice(interview, key, audio.getBytes()));
    }

    @PostMapping("/{id}/complete")
    @Operation(operationId = "completeInterview", summary = "End the interview now",
            description = "Ends the interview at the respondent's request and returns the closing message; the report"
                    + " lists the stages that were skipped. Completing an ended interview returns its closing message.",
            security = @SecurityRequirement(name = "interviewToken"))
    @ProblemResponses({401, 403, 404, 409})
    public TurnView complete(@PathVariable String id, HttpServletRequest http) {
        return answers.complete(access.authorize(id, http));
    }

    @GetMapping(path = "/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, Reports.MARKDOWN_VALUE})
    @Operation(operationId = "getInterviewReport", summary = "The knowledge report",
            description = "JSON (docs/report-schema.json) or Markdown, by `Accept` (JSON when it has no preference);"
                    + " partial while the interview runs.", security = @SecurityRequirement(name = "interviewToken"),
            responses = @ApiResponse(responseCode = "200", description = "The report.", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                            description = "The report, as docs/report-schema.json describes it.")),
                    @Content(mediaType = Reports.MARKDOWN_VALUE, schema = @Schema(type = "string"))}))
    @ProblemResponses({400, 401, 403, 404, 406})
    public ResponseEntity<String> report(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                         @Parameter(hidden = true) @Nullable String accept,
                                         HttpServletRequest http) {
        InterviewSnapshot interview = access.authorize(id, http);
        return Reports.render(engine, interview.id(), accept);
    }

    @GetMapping("/{id}/export")
    @Operation(operationId = "exportInterview", summary = "Everything stored about the interview",
            description = "The respondent's data export (privacy): state, profile, knowledge, every turn and the"
                    + " archived report, decrypted, as one JSON document.",
            security = @SecurityRequirement(name = "interviewToken"),
            responses = @ApiResponse(responseCode = "200", description = "The export, as an attachment.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Export"))))
    @ProblemResponses({401, 403, 404})
    public ResponseEntity<String> export(@PathVariable String id, HttpServletRequest http) {
        InterviewSnapshot interview = access.authorize(id, http);
        return exportResponse(interview, data.export(interview));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteInterview", summary = "Delete the interview and everything stored about it",
            description = "The respondent's erasure (privacy): the interview, its turns, knowledge, idempotency records"
                    + " and report. The token stops working.", security = @SecurityRequirement(name = "interviewToken"),
            responses = @ApiResponse(responseCode = "204", description = "Deleted."))
    @ProblemResponses({401, 403, 404})
    public ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest http) {
        InterviewSnapshot interview = access.authorize(id, http);
        data.delete(interview);
        log.info("{} deleted at the respondent's request", interview.id());
        return ResponseEntity.noContent().build();
    }

    /** The export as a download. */
    public static ResponseEntity<String> exportResponse(InterviewSnapshot interview, String json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("interview-" + interview.id().value() + ".json").build().toString())
                .body(json);
    }

    /** The reply; a repeat says so in {@code Idempotent-Replayed}, its body is the first reply's. */
    private static ResponseEntity<TurnView> replayed(Answers.Answered answered) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (answered.replayed()) {
            ok.header(REPLAYED, "true");
        }
        return ok.body(answered.view());
    }

    /** The engine's start request from the body; 400 for a value the schema does not allow. */
    private StartRequest.Builder startRequest(StartBody body) {
        StartRequest.Builder builder = defaults.applyTo(StartRequest.builder());
        if (body.language() != null) {
            builder.language(Language.fromCode(body.language()).filter(l -> body.language().equals(l.code()))
                    .orElseThrow(() -> ApiException.badRequest("'language' must be en or ru")));
        }
        if (body.style() != null) {
            if (engine.styles().find(body.style()).isEmpty()) {
                throw ApiException.badRequest("'style' must be one of " + engine.styles().codes());
            }
            builder.style(body.style());
        }
        if (body.locale() != null) {
            if (body.locale().isBlank() || body.locale().length() > 35) {
                throw ApiException.badRequest("'locale' must be a locale such as ru-RU (1-35 characters)");
            }
            builder.localeHint(body.locale());
        }
        if (body.profile() != null) {
            builder.profile(profile(body.profile()));
        }
        return builder;
    }

    private static Profile profile(ProfileBody body) {
        try {
            return new Profile(body.expertName(), body.roleTitle(), body.company(), body.industry(),
                    body.yearsExperience(), body.interviewGoal());
        } catch (IllegalArgumentException e) {
            // Profile names its fields in Java (roleTitle); the API in snake_case (role_title)
            Matcher matcher = CAMEL.matcher(e.getMessage());
            StringBuilder message = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(message, matcher.group(1) + "_" + matcher.group(2).toLowerCase(Locale.ROOT));
            }
            matcher.appendTail(message);
            throw ApiException.badRequest("profile: " + message);
        }
    }
}

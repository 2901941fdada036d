package cn.talentexchange.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure, from a controller, a codec, routing or security, into an RFC 9457 problem
 * document with a type from {@link ProblemType}. Runs before Boot's default error handler.
 */
@Component
@Order(-2)
public class ProblemDocumentHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDocumentHandler.class);

	private final ServerResponse.Context responseContext;

	ProblemDocumentHandler(ServerCodecConfigurer codecs) {
		this.responseContext = new ServerResponse.Context() {
			@Override
			public List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return HandlerStrategies.withDefaults().viewResolvers();
			}
		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		// Outside the filters' Reactor context: the unhandled failure's log line gets the request's id here.
		String correlationId = CorrelationIds.of(exchange);
		if (correlationId == null) {
			return write(exchange, toProblem(failure));
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIds.KEY, correlationId)) {
			return write(exchange, toProblem(failure));
		}
	}

	/** Writes a problem outside the exception path, e.g. from security's entry point. */
	public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.type().uri().toString());
		body.put("title", problem.type().title());
		body.put("status", problem.type().status().value());
		body.put("detail", problem.getMessage());
		body.put("instance", exchange.getRequest().getPath().value());
		body.putAll(problem.extensions());
		String correlationId = CorrelationIds.of(exchange);
		if (correlationId != null) {
			body.put("correlationId", correlationId);
		}
		exchange.getResponse().getHeaders().remove("ETag");
		// A refusal may come before the request was fully read (security, size limits, bad parameters), and
		// a client that reused such a connection was seen to wait forever. Errors are rare: start afresh.
		exchange.getResponse().getHeaders().set("Connection", "close");
		Object retryAfter = problem.extensions().get(ApiProblem.RETRY_AFTER);
		if (retryAfter != null) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		return ServerResponse.status(problem.type().status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(body)
			.flatMap(response -> response.writeTo(exchange, responseContext));
	}

	ApiProblem toProblem(Throwable failure) {
		if (failure instanceof ApiProblem problem) {
			return problem;
		}
		if (failure instanceof WebExchangeBindException binding) {
			return validation(binding.getFieldErrors().stream()
				.map(error -> new ApiProblem.FieldError(error.getField(), error.getDefaultMessage()))
				.toList(), binding.getGlobalErrors().stream().map(MessageSourceResolvable::getDefaultMessage).toList());
		}
		if (failure instanceof MethodValidationResult methodValidation) {
			return validation(methodValidation.getParameterValidationResults().stream()
				.flatMap(result -> result.getResolvableErrors().stream()
					.map(error -> new ApiProblem.FieldError(parameterName(result.getMethodParameter()),
							error.getDefaultMessage())))
				.toList(), List.of());
		}
		if (failure instanceof DataBufferLimitException) {
			return new ApiProblem(ProblemType.REQUEST_TOO_LARGE, "The request body exceeds the size this API accepts");
		}
		if (failure instanceof ServerWebInputException input) {
			return inputProblem(input);
		}
		if (failure instanceof DuplicateKeyException) {
			return new ApiProblem(ProblemType.DUPLICATE, "A resource with the same unique key already exists");
		}
		if (hasCause(failure, AuthenticationServiceException.class)) {
			log.warn("A token could not be checked: {}", failure.toString());
			return new ApiProblem(ProblemType.IDENTITY_UNAVAILABLE, "The token cannot be checked now: the identity "
					+ "provider's keys are out of reach", Map.of(ApiProblem.RETRY_AFTER, 5));
		}
		if (failure instanceof AuthenticationException) {
			return new ApiProblem(ProblemType.UNAUTHENTICATED, "Send a valid bearer token");
		}
		if (failure instanceof AccessDeniedException) {
			return new ApiProblem(ProblemType.FORBIDDEN, "Your role does not allow this operation");
		}
		if (failure instanceof ResponseStatusException status) {
			return byStatus(status.getStatusCode(), status.getReason());
		}
		log.error("Unhandled failure", failure);
		return new ApiProblem(ProblemType.INTERNAL, "The server failed to complete the request");
	}

	private static ApiProblem inputProblem(ServerWebInputException input) {
		Throwable cause = input.getCause();
		if (hasCause(input, DataBufferLimitException.class)) {
			return new ApiProblem(ProblemType.REQUEST_TOO_LARGE, "The request body exceeds the size this API accepts");
		}
		if (cause instanceof DecodingException && cause.getCause() instanceof JacksonException json
				&& !(json instanceof StreamReadException) && !json.getPath().isEmpty()) {
			String field = jsonPath(json);
			String why = json instanceof InputRefused refused ? refused.getOriginalMessage() : "has the wrong type or an unknown name";
			return validation(List.of(new ApiProblem.FieldError(field, why)), List.of());
		}
		if (cause instanceof DecodingException || input.getMethodParameter() == null) {
			return new ApiProblem(ProblemType.MALFORMED_REQUEST,
					"The body is missing or is not well-formed JSON of the expected shape");
		}
		String name = input instanceof MissingRequestValueException missing ? missing.getName()
				: parameterName(input.getMethodParameter());
		String message = input instanceof MissingRequestValueException ? "is required" : "has the wrong type";
		return validation(List.of(new ApiProblem.FieldError(name, message)), List.of());
	}

	private static ApiProblem validation(List<ApiProblem.FieldError> fieldErrors, List<String> globalErrors) {
		List<ApiProblem.FieldError> errors = new ArrayList<>(fieldErrors);
		globalErrors.forEach(message -> errors.add(new ApiProblem.FieldError("", message)));
		String detail = errors.stream()
			.map(error -> error.field().isEmpty() ? error.message() : error.field() + ": " + error.message())
			.collect(Collectors.joining("; "));
		return new ApiProblem(ProblemType.VALIDATION_FAILED, detail, Map.of("errors", errors));
	}

	private static ApiProblem byStatus(HttpStatusCode status, String reason) {
		ProblemType type = switch (status.value()) {
			case 400 -> ProblemType.MALFORMED_REQUEST;
			case 401 -> ProblemType.UNAUTHENTICATED;
			case 403 -> ProblemType.FORBIDDEN;
			case 404 -> ProblemType.NOT_FOUND;
			case 405 -> ProblemType.METHOD_NOT_ALLOWED;
			case 406 -> ProblemType.NOT_ACCEPTABLE;
			// The API documents oversized bodies as a 400 problem, like any other unusable input.
			case 413 -> ProblemType.REQUEST_TOO_LARGE;
			case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
			default -> ProblemType.INTERNAL;
		};
		if (type == ProblemType.INTERNAL) {
			log.error("Unexpected status {} ({})", status, reason);
		}
		return new ApiProblem(type, reason != null ? reason : type.title());
	}

	private static String jsonPath(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String parameterName(MethodParameter parameter) {
		return parameter == null || parameter.getParameterName() == null ? "" : parameter.getParameterName();
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

}

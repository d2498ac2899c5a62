/// Unauthenticated reads.
extension SimulatorCore {
    /// The whole `litellm.model_cost`, pre-encoded per load. 1.109.1 accepts
    /// `?catalog_only=true` (fetched catalog without run-time registrations); 1.100.5 has no
    /// such parameter and, like FastAPI, ignores it.
    func publicCostMap(_ request: IncomingRequest, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        if version.reportsProvenance, try QueryValidation.optionalBool("catalog_only", in: request, version: version).get() == true {
            return .json(200, prebuilt: state.costMap.catalogBody)
        }
        return .json(200, prebuilt: state.costMap.publicBody)
    }
}
